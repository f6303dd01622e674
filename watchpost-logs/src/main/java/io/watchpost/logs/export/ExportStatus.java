package io.watchpost.logs.export;

/**
 * The states an export task goes through: PENDING → RUNNING → COMPLETED, or CANCELLED / FAILED. The messages are
 * the ones AWS shows where known ("Completed successfully", "Cancelled by user"); the others are guesses.
 */
enum ExportStatus {
    PENDING("Pending"),
    RUNNING("Started successfully"),
    COMPLETED("Completed successfully"),
    CANCELLED("Cancelled by user"),
    FAILED("Failed");

    private final String message;

    ExportStatus(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }

    boolean finished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
