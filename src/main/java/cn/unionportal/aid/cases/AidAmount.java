package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.util.List;

/**
 * A computed aid amount and the rule behind it.
 *
 * @param amount the amount in yuan (whole yuan, scale 2)
 * @param messageKey the rule in words, for the user's language ({@code aid.case.rule.*})
 * @param arguments the arguments of that message
 * @param formula the calculation in numbers and policy keys, language-neutral (stored with the case
 *        as {@code rule_text}), e.g. {@code [2026] MEDICAL_RATE_RELATIVE: (140278 − 120000 − 9029) × 70% = 7874}
 */
public record AidAmount(BigDecimal amount, String messageKey, List<String> arguments, String formula) {

	public AidAmount {
		arguments = List.copyOf(arguments);
	}

	public Object[] argumentArray() {
		return arguments.toArray();
	}
}
