/*
 * The tight C reference loops of benchmarks/compare.sh: what a careful C programmer writes for
 * the two collapse loops, with libm and no determinism constraint, so that collapse-sim's time
 * has a fixed yardstick. Build: gcc -O3 -march=native -o collapse_ref collapse_ref.c -lm
 *
 *   collapse_ref categorical V N GENERATIONS REPLICATES
 *     Truth Zipf(1.1) over V categories. Generation 0 draws N tokens from the truth, every later
 *     one from the model refitted on the previous counts (p_i = c_i / N). One generation: the
 *     counts of N tokens over the live categories (p_i > 0) by conditional binomials in index
 *     order, c_i ~ Binomial(remaining n, p_i / remaining mass), stopping when nothing remains
 *     (numpy's random_multinomial); each binomial by inversion along the pmf recurrence when
 *     n min(p, 1 - p) <= 30, BTPE otherwise (numpy's random_binomial_inversion / _btpe, with the
 *     Stirling signs of numpy/numpy#31238); then in one pass over V the refit and the metrics
 *     collapse-sim reports: entropy, Gini-Simpson, KL(P* || smoothed P_t) with eps = 0.5,
 *     KL(P_t || P*), total variation, support, tail mass (the last 10% of categories), extinct
 *     categories and their true (lost) mass.
 *   collapse_ref gaussian M GENERATIONS REPLICATES
 *     d = 1: M normals from N(mu_t, s2_t) by a 256-layer ziggurat (Marsaglia and Tsang 2000, layer
 *     and magnitude from disjoint bits as Doornik 2005), refit mean and MLE variance in one pass,
 *     KL(N(0,1) || N(mu, s2)) and KL(N(mu, s2) || N(0,1)).
 *
 * The generator is SplitMix64 on a counter (collapse-sim's too), one stream per replicate.
 * Prints a checksum of the last generation's metrics so that no work is dead.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_key, rng_counter;

static inline uint64_t next_word(void) {
  uint64_t z = rng_key + (++rng_counter) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static inline double next_double(void) { return (next_word() >> 11) * 0x1.0p-53; }

/* numpy's random_binomial_inversion, r <= 1/2 */
static int64_t binomial_inversion(int64_t n, double r) {
  double q = 1.0 - r;
  double qn = exp(n * log1p(-r));
  double np = n * r;
  int64_t bound = (int64_t)fmin((double)n, np + 10.0 * sqrt(np * q + 1));
  int64_t x = 0;
  double px = qn;
  double u = next_double();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = next_double();
    } else {
      u -= px;
      px = ((n - x + 1) * r * px) / (x * q);
    }
  }
  return x;
}

static inline double stirling(double x) {
  double x2 = x * x;
  return (13860. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
}

/* numpy's random_binomial_btpe (Kachitvichyanukul & Schmeiser 1988), r <= 1/2 */
static int64_t binomial_btpe(int64_t n, double r) {
  double q = 1.0 - r, fm = n * r + r, nrq = n * r * q;
  int64_t m = (int64_t)floor(fm);
  double p1 = floor(2.195 * sqrt(nrq) - 4.6 * q) + 0.5;
  double xm = m + 0.5, xl = xm - p1, xr = xm + p1;
  double c = 0.134 + 20.5 / (15.3 + m);
  double a = (fm - xl) / (fm - xl * r), laml = a * (1.0 + a / 2.0);
  a = (xr - fm) / (xr * q);
  double lamr = a * (1.0 + a / 2.0);
  double p2 = p1 * (1.0 + 2.0 * c), p3 = p2 + c / laml, p4 = p3 + c / lamr;
  for (;;) {
    double u = next_double() * p4, v = next_double();
    int64_t y;
    if (u <= p1) return (int64_t)floor(xm - p1 * v + u);
    if (u <= p2) {
      double x = xl + (u - p1) / c;
      v = v * c + 1.0 - fabs(m - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = (int64_t)floor(x);
    } else if (u <= p3) {
      y = (int64_t)floor(xl + log(v) / laml);
      if (y < 0 || v == 0.0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = (int64_t)floor(xr - log(v) / lamr);
      if (y > n || v == 0.0) continue;
      v = v * (u - p3) * lamr;
    }
    int64_t k = llabs(y - m);
    if (k <= 20 || k >= nrq / 2.0 - 1) {
      double s = r / q, aa = s * (n + 1), f = 1.0;
      if (m < y)
        for (int64_t i = m + 1; i <= y; i++) f *= (aa / i - s);
      else if (m > y)
        for (int64_t i = y + 1; i <= m; i++) f /= (aa / i - s);
      if (v <= f) return y;
      continue;
    }
    double kd = (double)k;
    double rho = (kd / nrq) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    double t = -kd * kd / (2 * nrq), A = log(v);
    if (A < t - rho) return y;
    if (A > t + rho) continue;
    double x1 = y + 1, f1 = m + 1, z = n + 1 - m, w = n - y + 1;
    if (A <= xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q)) +
                  stirling(f1) + stirling(z) - stirling(x1) - stirling(w))
      return y;
  }
}

static inline int64_t binomial(int64_t n, double p) {
  if (n == 0 || p <= 0.0) return 0;
  if (p >= 1.0) return n;
  double r = p <= 0.5 ? p : 1.0 - p;
  int64_t x = n * r <= 30.0 ? binomial_inversion(n, r) : binomial_btpe(n, r);
  return p <= 0.5 ? x : n - x;
}

static double categorical(int v, int64_t n, int generations, int replicates) {
  double *truth = malloc(sizeof(double) * v), *log_truth = malloc(sizeof(double) * v);
  double *p = malloc(sizeof(double) * v);
  int64_t *count = malloc(sizeof(int64_t) * v);
  int *live = malloc(sizeof(int) * v);
  double z = 0, truth_xlogx = 0;
  for (int i = 0; i < v; i++) z += truth[i] = pow(i + 1.0, -1.1);
  for (int i = 0; i < v; i++) {
    truth[i] /= z;
    log_truth[i] = log(truth[i]);
    truth_xlogx += truth[i] * log_truth[i];
  }
  int tail_from = v - (int)fmax(1, floor(0.1 * v + 0.5));
  double eps = 0.5, log_smoothed_zero = log(eps) - log(n + v * eps);
  double checksum = 0;
  for (int rep = 0; rep < replicates; rep++) {
    rng_key = 0x5EED0000ULL + rep;
    rng_counter = 0;
    memcpy(p, truth, sizeof(double) * v);
    int m = 0;
    for (int i = 0; i < v; i++) live[m++] = i;
    double metrics[9] = {0};
    for (int g = 0; g <= generations; g++) {
      memset(count, 0, sizeof(int64_t) * v);
      int64_t remaining = n;
      double mass = 1.0;
      for (int k = 0; k < m && remaining > 0; k++) {
        int i = live[k];
        int64_t c = binomial(remaining, mass > p[i] ? p[i] / mass : 1.0);
        count[i] = c;
        remaining -= c;
        mass -= p[i];
      }
      /* refit and metrics in one pass */
      double entropy = 0, sum_sq = 0, kl_tm = truth_xlogx, kl_mt = 0, tv = 0, tail = 0, lost = 0;
      double inv_n = 1.0 / n, log_den = log(n + v * eps);
      int support = 0, extinct = 0;
      m = 0;
      for (int i = 0; i < v; i++) {
        int64_t c = count[i];
        if (c > 0) {
          double pi = c * inv_n, lp = log(pi);
          p[i] = pi;
          live[m++] = i;
          support++;
          entropy -= pi * lp;
          sum_sq += pi * pi;
          kl_tm -= truth[i] * (log(c + eps) - log_den);
          kl_mt += pi * (lp - log_truth[i]);
          tv += fabs(pi - truth[i]);
          if (i >= tail_from) tail += pi;
        } else {
          p[i] = 0;
          extinct++;
          lost += truth[i];
          kl_tm -= truth[i] * log_smoothed_zero;
          tv += truth[i];
        }
      }
      metrics[0] = entropy; metrics[1] = 1 - sum_sq; metrics[2] = kl_tm; metrics[3] = kl_mt;
      metrics[4] = 0.5 * tv; metrics[5] = support; metrics[6] = tail; metrics[7] = extinct;
      metrics[8] = lost;
    }
    for (int j = 0; j < 9; j++) checksum += metrics[j];
  }
  free(truth); free(log_truth); free(p); free(count); free(live);
  return checksum;
}

/* 256-layer ziggurat for the standard normal */
#define ZIG_R 3.6541528853610088
#define ZIG_V 0.00492867323399
static double zig_x[257], zig_f[257];
static uint64_t zig_k[256];

static void zig_init(void) {
  double f = exp(-0.5 * ZIG_R * ZIG_R);
  zig_x[0] = ZIG_V / f; /* the base strip's pseudo-width */
  zig_x[1] = ZIG_R;
  zig_x[256] = 0;
  for (int i = 2; i < 256; i++) {
    zig_x[i] = sqrt(-2 * log(ZIG_V / zig_x[i - 1] + exp(-0.5 * zig_x[i - 1] * zig_x[i - 1])));
  }
  for (int i = 0; i < 257; i++) zig_f[i] = exp(-0.5 * zig_x[i] * zig_x[i]);
  for (int i = 0; i < 256; i++) zig_k[i] = (uint64_t)((zig_x[i + 1] / zig_x[i]) * 0x1.0p52);
}

static double zig_normal(void) {
  for (;;) {
    uint64_t w = next_word();
    int j = w & 255;
    double sign = (w & 256) ? -1.0 : 1.0;
    uint64_t u = w >> 12;
    double x = u * 0x1.0p-52 * zig_x[j];
    if (u < zig_k[j]) return sign * x;
    if (j == 0) { /* the tail beyond r */
      double xx, yy;
      do {
        xx = -log(1.0 - next_double()) / ZIG_R;
        yy = -log(1.0 - next_double());
      } while (yy + yy < xx * xx);
      return sign * (ZIG_R + xx);
    }
    if (zig_f[j + 1] + next_double() * (zig_f[j] - zig_f[j + 1]) < exp(-0.5 * x * x)) return sign * x;
  }
}

static double gaussian(int samples, int generations, int replicates) {
  zig_init();
  double checksum = 0;
  for (int rep = 0; rep < replicates; rep++) {
    rng_key = 0x6A550000ULL + rep;
    rng_counter = 0;
    double mu = 0, s2 = 1, kl1 = 0, kl2 = 0;
    for (int g = 0; g <= generations; g++) {
      double sd = sqrt(s2), sum = 0, sum_sq = 0;
      for (int i = 0; i < samples; i++) {
        double x = mu + sd * zig_normal();
        sum += x;
        sum_sq += x * x;
      }
      mu = sum / samples;
      s2 = fmax(sum_sq / samples - mu * mu, 0);
      kl1 = 0.5 * ((1 + mu * mu) / s2 - 1 + log(s2)); /* KL(N(0,1) || N(mu,s2)) */
      kl2 = 0.5 * (s2 + mu * mu - 1 - log(s2));       /* KL(N(mu,s2) || N(0,1)) */
    }
    checksum += mu + s2 + kl1 + kl2;
  }
  return checksum;
}

int main(int argc, char **argv) {
  if (argc == 6 && strcmp(argv[1], "categorical") == 0) {
    printf("checksum %.6g\n", categorical(atoi(argv[2]), atoll(argv[3]), atoi(argv[4]), atoi(argv[5])));
  } else if (argc == 5 && strcmp(argv[1], "gaussian") == 0) {
    printf("checksum %.6g\n", gaussian(atoi(argv[2]), atoi(argv[3]), atoi(argv[4])));
  } else {
    fprintf(stderr,
            "usage: collapse_ref categorical V N GENERATIONS REPLICATES\n"
            "       collapse_ref gaussian M GENERATIONS REPLICATES\n");
    return 2;
  }
  return 0;
}
