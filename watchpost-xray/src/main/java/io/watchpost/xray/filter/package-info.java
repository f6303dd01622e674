/**
 * The X-Ray filter-expression language: {@link io.watchpost.xray.filter.FilterExpression#compile} parses an
 * expression (lexer with positions → recursive-descent parser resolving keywords per scope → typed tree that is
 * itself the executable plan) and tests {@link io.watchpost.xray.filter.TraceFacts}.
 *
 * <p>Decisions a reader might question (AWS does not document them; chosen here):
 * <ul>
 *   <li>Keywords, operators and {@code true}/{@code false} ignore case; compared values (names, URLs, annotation
 *       values and keys) are case-sensitive.</li>
 *   <li>Multi-valued keywords hold when any value satisfies the operator; {@code !=} holds when values exist and none
 *       is equal; every comparison on an absent field is false. A bare string/number keyword tests presence.</li>
 *   <li>Juxtaposition is AND ({@code ok !partial duration <3}); AND binds tighter than OR.</li>
 *   <li>Unquoted words are accepted as string values ({@code name = traces}, as in AWS's own example).</li>
 *   <li>{@code index} is 0-based; {@code rootcause.json} patterns match as subsets (objects by the members named,
 *       arrays element by element).</li>
 *   <li>Expressions are bounded to 2000 characters and 32 levels of nesting; a blank expression matches all.</li>
 * </ul>
 */
package io.watchpost.xray.filter;
