package org.scalingatlas.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.laws.Calculator;
import org.scalingatlas.laws.Fitter;
import org.scalingatlas.laws.LawBook;
import org.scalingatlas.laws.Result;

/** The law calculators: a formula evaluation, closed-form and numerical optima, and a fit of 100 points. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LawBench {

    private Calculator chinchilla;
    private Calculator muennighoff;
    private Calculator sardana;
    private List<Fitter.Point> points;

    @Setup
    public void open() {
        LawBook book = new LawBook(Corpus.load(Path.of("corpus")).laws());
        chinchilla = book.require("chinchilla-parametric-loss");
        muennighoff = book.require("muennighoff-data-constrained-loss");
        sardana = book.require("sardana-inference-aware-optimum");
        Random noise = new Random(3);
        points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double n = Math.pow(10, 7.8 + 2.4 * noise.nextDouble()), d = Math.pow(10, 9.7 + 2 * noise.nextDouble());
            points.add(new Fitter.Point(Map.of("N", n, "D", d), (1.69337 + 406.401 / Math.pow(n, 0.339) + 410.723 / Math.pow(d, 0.285)) * Math.exp(0.003 * noise.nextGaussian())));
        }
    }

    @Benchmark
    public Result evaluate() {
        return chinchilla.evaluate(Map.of("N", 7e10, "D", 1.4e12), null, Map.of());
    }

    @Benchmark
    public Result optimalClosedForm() {
        return chinchilla.optimal(Map.of("C", 5.76e23), "unrounded", Map.of());
    }

    @Benchmark
    public Result optimalNumerical() {
        return muennighoff.optimal(Map.of("C", 1e22, "U_D", 2.5e10), null, Map.of());
    }

    @Benchmark
    public Result optimalTargetLoss() {
        return sardana.optimal(Map.of("loss", 1.947, "D_inf", 2e12), null, Map.of());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 5)
    @Warmup(iterations = 2)
    public Fitter.Fit fit100PointsWith100Resamples() {
        return Fitter.fit(Fitter.Family.CHINCHILLA, List.of("N", "D"), points, 100, null);
    }
}
