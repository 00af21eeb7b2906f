package org.scalingatlas.curate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sentences of an abstract that carry its results, for a draft's evidence: a sentence scores for numbers, for
 * comparisons, for verbs that report a finding ("we find", "show", "outperforms") and for the vocabulary of scaling
 * results ("power law", "scales"); a sentence that only sets the scene ("we study", "in this paper") scores nothing
 * for that. The best few are kept in the abstract's order.
 */
final class ResultSentences {

    static final int MAX = 3;

    private static final Pattern NUMBER = Pattern.compile("\\d|%|×|\\bx\\d|\\b(twice|half|double|triple|order of magnitude|orders of magnitude)\\b");
    private static final Pattern COMPARISON = Pattern.compile(
            "\\b(than|outperform\\w*|better|worse|more|less|fewer|higher|lower|faster|slower|larger|smaller|improv\\w*|reduc\\w*|"
                    + "increas\\w*|decreas\\w*|match\\w*|surpass\\w*|exceed\\w*|beat\\w*|gains?|saturat\\w*|plateau\\w*|diminish\\w*)\\b");
    private static final Pattern FINDING = Pattern.compile(
            "\\b(we (find|found|show|showed|demonstrate|observe|reveal|establish|prove|confirm|identify|obtain|report)|"
                    + "(results?|experiments|analysis|findings) (show|suggest|indicate|reveal|demonstrate|confirm)\\w*|"
                    + "shows? that|reveals? that|suggests? that|indicates? that|leads? to|yields?|achiev\\w*|consistently)\\b");
    private static final Pattern SCALING = Pattern.compile(
            "\\b(power[- ]laws?|scal(es|ing law|ing laws|ing exponent)|predict\\w*|optimal|follows?|proportional\\w*|log-linear\\w*|exponent\\w*)\\b");
    private static final Pattern SCENE = Pattern.compile("^(in this (paper|work)|we (study|investigate|explore|propose|introduce|present|consider)|"
            + "(large )?language models|recent|however|despite|while)\\b");

    private ResultSentences() {
    }

    /**
     * Up to {@link #MAX} sentences that carry results, in the abstract's order; empty when none does. A sentence in the
     * first third of the abstract (where the background usually stands) needs a reported finding or a number to count,
     * and a sentence is kept only when it scores within two points of the best.
     */
    static List<String> of(List<String> sentences) {
        List<Integer> ranked = new ArrayList<>();
        int[] scores = new int[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i).toLowerCase(Locale.ROOT);
            boolean early = sentences.size() >= 3 && i < sentences.size() / 3.0;
            scores[i] = early && !FINDING.matcher(s).find() && !NUMBER.matcher(s).find() ? 0 : score(sentences.get(i));
            if (scores[i] > 0 && sentences.get(i).length() >= 10) {
                ranked.add(i);
            }
        }
        ranked.sort(Comparator.comparingInt((Integer i) -> -scores[i]).thenComparingInt(i -> -i));
        int floor = ranked.isEmpty() ? 0 : Math.max(1, scores[ranked.get(0)] - 2);
        return ranked.stream().filter(i -> scores[i] >= floor).limit(MAX).sorted().map(sentences::get).toList();
    }

    static int score(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        int score = 0;
        score += NUMBER.matcher(s).find() ? 2 : 0;
        score += COMPARISON.matcher(s).find() ? 1 : 0;
        score += FINDING.matcher(s).find() ? 3 : 0;
        score += SCALING.matcher(s).find() ? 1 : 0;
        if (score > 0 && SCENE.matcher(s).find() && !FINDING.matcher(s).find() && !NUMBER.matcher(s).find()) {
            score -= 1;
        }
        return score;
    }
}
