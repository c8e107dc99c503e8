package cn.unionportal.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Which organizations a module's events touch, for {@link FigureSource#organizationsTouchedBy}:
 * for each event type, the organizations it names ({@code null} in the list: the whole tree).
 *
 * <pre>
 * private static final EventOrganizations TOUCHED = EventOrganizations
 *     .of(HonourConferred.class, e -&gt; List.of(e.organizationId()))
 *     .and(HonourRevoked.class, e -&gt; List.of(e.organizationId()));
 * </pre>
 */
public final class EventOrganizations {

	private record Rule<E>(Class<E> type, Function<E, List<Long>> organizations) {

		List<Long> apply(Object event) {
			return organizations.apply(type.cast(event));
		}
	}

	private final List<Rule<?>> rules;

	private EventOrganizations(List<Rule<?>> rules) {
		this.rules = rules;
	}

	/** Events of this type touch the organizations the function names. */
	public static <E> EventOrganizations of(Class<E> type, Function<E, List<Long>> organizations) {
		return new EventOrganizations(List.of()).and(type, organizations);
	}

	public <E> EventOrganizations and(Class<E> type, Function<E, List<Long>> organizations) {
		List<Rule<?>> more = new ArrayList<>(rules);
		more.add(new Rule<>(type, organizations));
		return new EventOrganizations(List.copyOf(more));
	}

	/** The organizations the event touches: those of the first matching type, or none. */
	public Collection<Long> of(Object event) {
		for (Rule<?> rule : rules) {
			if (rule.type().isInstance(event)) {
				return rule.apply(event);
			}
		}
		return List.of();
	}
}
