package cn.unionportal.shared.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who this portal node is, in leases and import claims: {@code portal.node.id} when set,
 * otherwise host name, process id and a random suffix (unique even for two nodes in one JVM, as
 * in the two-node test). Never a secret, never personal data.
 */
@Component
public class NodeIdentity {

	private final String id;

	NodeIdentity(@Value("${portal.node.id:}") String configured) {
		this.id = configured == null || configured.isBlank() ? generated() : shorten(configured.strip());
	}

	public String id() {
		return id;
	}

	private static String generated() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException unknown) {
			host = "node";
		}
		return shorten(host + ":" + ProcessHandle.current().pid() + ":"
				+ UUID.randomUUID().toString().substring(0, 8));
	}

	private static String shorten(String id) {
		return id.length() <= 100 ? id : id.substring(0, 100);
	}

	@Override
	public String toString() {
		return id + " (" + ManagementFactory.getRuntimeMXBean().getName() + ")";
	}
}
