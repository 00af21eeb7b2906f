package org.scalingatlas.retrieve;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lower case, stop words out, plurals and possessives folded, nothing else: "consistency" stays apart from
 * "consist". What coverage counts, where the ranking's Porter stemming would merge distinct topics.
 * {@link #inflections()} also folds a word's inflections to the dictionary form, for looking words up (never for
 * indexing): "forecasting" to "forecast", "smoothness" to "smooth", while "calculator" stays apart from "calculate".
 */
final class LightAnalyzer extends Analyzer {

    private final boolean inflections;

    LightAnalyzer() {
        this(false);
    }

    private LightAnalyzer(boolean inflections) {
        this.inflections = inflections;
    }

    /** The same analysis with Krovetz's dictionary-checked inflectional stemmer after it. */
    static LightAnalyzer inflections() {
        return new LightAnalyzer(true);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new EnglishMinimalStemFilter(stream);
        if (inflections) {
            stream = new KStemFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }
}
