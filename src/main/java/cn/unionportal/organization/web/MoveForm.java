package cn.unionportal.organization.web;

import jakarta.validation.constraints.NotNull;

/** Where to move an organization. */
record MoveForm(@NotNull(message = "{organization.move.chooseParent}") Long parentId, Long version) {
}
