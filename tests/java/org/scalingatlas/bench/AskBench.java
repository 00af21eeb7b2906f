package org.scalingatlas.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.scalingatlas.Atlas;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.retrieve.Hit;

/**
 * The ask pipeline in process, stage by stage, on the same questions in the same run: embedding the question, the
 * raw hybrid Lucene search (BM25 + vectors, fused), and the whole ask (question → ... → laws). The ratio ask / search
 * is the pipeline's cost beyond the search. Each invocation takes the next question of the evaluation set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx8g"})
public class AskBench {

    @Param({"real"})
    public String size;

    private Atlas atlas;
    private List<String> questions;
    private List<float[]> vectors;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        atlas = Corpora.open(size);
        questions = Corpora.questions();
        vectors = questions.stream().map(q -> atlas.index().embed(q)).toList();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        atlas.index().close();
    }

    private int nextQuestion() {
        next = (next + 1) % questions.size();
        return next;
    }

    @Benchmark
    public float[] embedQuestion() {
        return atlas.index().embed(questions.get(nextQuestion()));
    }

    @Benchmark
    public List<Hit> luceneSearch() {
        int i = nextQuestion();
        return atlas.index().search(questions.get(i), vectors.get(i), null, 40);
    }

    @Benchmark
    public Answer ask() {
        return atlas.pipeline().ask(questions.get(nextQuestion()));
    }
}
