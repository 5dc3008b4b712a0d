package org.collapsesim.math;

/**
 * The coefficients of {@link DetMath}: fdlibm's e_log.c reduction and Lg1..Lg7 minimax polynomial
 * (shared with the vector kernel twin, kernel/VectorKernels, so the two compute with the very same
 * constants), and Wichura's AS241 PPND16 rational approximations (Applied Statistics 37(3), 1988,
 * 477-484) for {@link DetMath#normalQuantile}.
 */
public final class DetMathConstants {

  private DetMathConstants() {}

  public static final double LN2_HI = 6.93147180369123816490e-01;
  public static final double LN2_LO = 1.90821492927058770002e-10;
  public static final double TWO54 = 1.80143985094819840000e+16;
  public static final double LG1 = 6.666666666666735130e-01;
  public static final double LG2 = 3.999999999940941908e-01;
  public static final double LG3 = 2.857142874366239149e-01;
  public static final double LG4 = 2.222219843214978396e-01;
  public static final double LG5 = 1.818357216161805012e-01;
  public static final double LG6 = 1.531383769920937332e-01;
  public static final double LG7 = 1.479819860511658591e-01;
  public static final double A0 = 3.3871328727963666080e0;
  public static final double A1 = 1.3314166789178437745e+2;
  public static final double A2 = 1.9715909503065514427e+3;
  public static final double A3 = 1.3731693765509461125e+4;
  public static final double A4 = 4.5921953931549871457e+4;
  public static final double A5 = 6.7265770927008700853e+4;
  public static final double A6 = 3.3430575583588128105e+4;
  public static final double A7 = 2.5090809287301226727e+3;
  public static final double B1 = 4.2313330701600911252e+1;
  public static final double B2 = 6.8718700749205790830e+2;
  public static final double B3 = 5.3941960214247511077e+3;
  public static final double B4 = 2.1213794301586595867e+4;
  public static final double B5 = 3.9307895800092710610e+4;
  public static final double B6 = 2.8729085735721942674e+4;
  public static final double B7 = 5.2264952788528545610e+3;
  public static final double C0 = 1.42343711074968357734e0;
  public static final double C1 = 4.63033784615654529590e0;
  public static final double C2 = 5.76949722146069140550e0;
  public static final double C3 = 3.64784832476320460504e0;
  public static final double C4 = 1.27045825245236838258e0;
  public static final double C5 = 2.41780725177450611770e-1;
  public static final double C6 = 2.27238449892691845833e-2;
  public static final double C7 = 7.74545014278341407640e-4;
  public static final double D1 = 2.05319162663775882187e0;
  public static final double D2 = 1.67638483018380384940e0;
  public static final double D3 = 6.89767334985100004550e-1;
  public static final double D4 = 1.48103976427480074590e-1;
  public static final double D5 = 1.51986665636164571966e-2;
  public static final double D6 = 5.47593808499534494600e-4;
  public static final double D7 = 1.05075007164441684324e-9;
  public static final double E0 = 6.65790464350110377720e0;
  public static final double E1 = 5.46378491116411436990e0;
  public static final double E2 = 1.78482653991729133580e0;
  public static final double E3 = 2.96560571828504891230e-1;
  public static final double E4 = 2.65321895265761230930e-2;
  public static final double E5 = 1.24266094738807843860e-3;
  public static final double E6 = 2.71155556874348757815e-5;
  public static final double E7 = 2.01033439929228813265e-7;
  public static final double F1 = 5.99832206555887937690e-1;
  public static final double F2 = 1.36929880922735805310e-1;
  public static final double F3 = 1.48753612908506148525e-2;
  public static final double F4 = 7.86869131145613259100e-4;
  public static final double F5 = 1.84631831751005468180e-5;
  public static final double F6 = 1.42151175831644588870e-7;
  public static final double F7 = 2.04426310338993978564e-15;
}
