package cn.unionportal.shared.web;

import cn.unionportal.shared.ConflictException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A stale page or a concurrent change answers 409 with the "someone changed this, reload" page,
 * never a 500. Only these two exception types are handled here.
 */
@ControllerAdvice
class ConflictHandling {

	@ExceptionHandler({ ConflictException.class, OptimisticLockingFailureException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict() {
		return "error/409";
	}
}
