/**
 * The release-train board: from what the registry and the gates' indexes hold of each model ({@link
 * io.mlgates.core.board.ModelFacts}), which models board the next departure, which wait for approvals, which are
 * blocked and why, and what lapses before the departure ({@link io.mlgates.core.board.Board}). Plain objects: the
 * Jenkins page and {@code mlgates board} build the facts, this package judges them.
 */
package io.mlgates.core.board;
