package cn.unionportal.aid.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Approving or rejecting a case: a comment is required; the version guards against a stale page. */
record AidDecisionForm(@NotBlank(message = "{aid.case.error.commentRequired}") @Size(max = 1000, message = "{validation.size.max}") String comment,
		Long version) {
}
