package cn.unionportal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Real concurrent requests: one thread per request, all released at once by a latch. The test
 * calling this must not be transactional (every request commits on its own).
 */
public final class Concurrently {

	private Concurrently() {
	}

	/** Performs the requests at once. @return their response statuses, in the order given */
	public static List<Integer> statuses(MockMvc mvc, List<? extends RequestBuilder> requests) throws Exception {
		return bodies(mvc, requests).stream().map(Response::status).toList();
	}

	/** A response: status and body. */
	public record Response(int status, String body) {
	}

	/** Performs the requests at once. @return their responses, in the order given */
	public static List<Response> bodies(MockMvc mvc, List<? extends RequestBuilder> requests) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		try {
			List<Future<Response>> results = new ArrayList<>();
			for (RequestBuilder request : requests) {
				results.add(pool.submit(() -> {
					start.await();
					var response = mvc.perform(request).andReturn().getResponse();
					return new Response(response.getStatus(),
							response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> result : results) {
				responses.add(result.get());
			}
			return responses;
		}
		finally {
			pool.shutdown();
		}
	}
}
