package cn.unionportal.demo;

import java.util.SplittableRandom;

/**
 * Spreads members unevenly over organizations: sizes follow a power law over randomly ordered
 * ranks (rank {@code r} gets a share proportional to {@code r^-0.75}), so a few big employers
 * have thousands of members and most unions a few dozen.
 */
final class MemberAllocation {

	static final double EXPONENT = 0.75;

	private MemberAllocation() {
	}

	/** Power-law weights for {@code n} organizations, ranks shuffled with the given random. */
	static double[] powerLaw(int n, SplittableRandom random) {
		int[] ranks = new int[n];
		for (int i = 0; i < n; i++) {
			ranks[i] = i + 1;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = ranks[i];
			ranks[i] = ranks[j];
			ranks[j] = swap;
		}
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			weights[i] = Math.pow(ranks[i], -EXPONENT);
		}
		return weights;
	}

	/** Splits {@code total} in proportion to the weights, exactly (largest remainder). */
	static int[] spread(double[] weights, int total) {
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		int[] counts = new int[weights.length];
		if (sum <= 0) {
			return counts;
		}
		double[] remainders = new double[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = total * weights[i] / sum;
			counts[i] = (int) Math.floor(exact);
			remainders[i] = exact - counts[i];
			given += counts[i];
		}
		for (int left = total - given; left > 0; left--) {
			int best = 0;
			for (int i = 1; i < remainders.length; i++) {
				if (remainders[i] > remainders[best]) {
					best = i;
				}
			}
			counts[best]++;
			remainders[best] = -1;
		}
		return counts;
	}
}
