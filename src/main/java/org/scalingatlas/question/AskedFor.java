package org.scalingatlas.question;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks for, read from its words: the value it asks for ("what loss", "how many tokens", "lr for …") and
 * whether it asks for an allocation ("how big should …", "compute-optimal", "how should I split …"). {@link Quantities}
 * reads the numbers it gives.
 */
public final class AskedFor {

    private AskedFor() {
    }

    /**
     * Whether the question asks for an allocation ("how many tokens should", "how many training tokens", "should we plan
     * for", "compute-optimal", "optimal size", "what model size", "which size should I pick", "plan a training run"): a
     * size or token count asked for, not predicted from, nor converted ("how many training tokens is that?").
     */
    public static boolean allocation(String text) {
        String lower = optimaAsWritten(QUOTED.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" "));
        return ALLOCATION.matcher(lower).find() || MODEL_OR_DATA.matcher(lower).find();
    }

    /**
     * The words of what the question asks a value of: those that follow an interrogative of amount ("what", "which",
     * "how much", "how many", "how big"), a verb of estimating ("predict", "estimate", "choose", "compute the …"), a request to compare
     * that opens a sentence ("Compare Gadre's loss for … on RedPajama versus RefinedWeb"), or a verb of converting one
     * value into another ("what that translates to in downstream error", "in terms of loss") or of placing one ("where
     * would Kaplan's frontier put our loss after 50 PF-days?"), up to four words on, lower case ("what loss would a 3B
     * model reach" → loss, would, a, 3b; "which learning rate should I pick" → learning, rate, should, i); and the value
     * a question of change asks about ({@link #HOW_IT_CHANGES}: "how should the optimal peak LR differ …" → optimal, peak,
     * lr). Empty when it asks for no value: "does its loss curve improve?", "how can diversity be folded
     * into a fitted loss formula?", or a budget split for a choice ("should I go for more parameters or more data?",
     * "how should I split 1e23 FLOPs between parameters and data?"), which {@link #allocation} reads.
     */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        String lower = optimaAsWritten(withoutLabels(text).toLowerCase(Locale.ROOT));
        if (lower.contains("-v")) {
            lower = AGAINST.matcher(lower).replaceAll("$1");
        }
        Matcher asked = ASKED_FOR.matcher(lower);
        boolean refersBack = false;
        while (asked.find()) {
            if (glossesANumber(lower, asked.start())) {
                continue; // "D_inf = 5e12 (expected lifetime serving tokens)" says what a number is, it asks nothing
            }
            List<String> read = new ArrayList<>();
            for (String word : asked.group(2).split("[^\\p{L}\\p{N}_-]+")) {
                if (!word.isEmpty()) {
                    read.add(word);
                }
            }
            // what is asked ends where the sentence goes on to say something of it: "what model size minimizes loss"
            // asks for a size, "what loss would a 3B model reach" for a loss; "what does the Kaplan law …" for the law's
            int start = 0;
            while (start < read.size() && LEADING.contains(read.get(start))) {
                start++;
            }
            // up to four words, and a list of what is asked runs on past a coordinator for up to three more: "what
            // learning rate and batch size should …" asks for both
            List<String> found = new ArrayList<>();
            int limit = ASKED_WORDS;
            int of = 0; // "of" joins the words of what is asked without counting among them: "the ratio of tokens per parameter"
            for (int i = start; i < read.size() && found.size() - of < limit && !PREDICATE.contains(read.get(i)); i++) {
                if (read.get(i).equals("of")) {
                    of++;
                }
                found.add(read.get(i));
                if (found.size() > 1 && (read.get(i).equals("and") || read.get(i).equals("or"))) {
                    limit = found.size() - of + AFTER_COORDINATOR;
                }
            }
            words.addAll(found);
            refersBack |= read.subList(start, Math.min(read.size(), start + ASKED_WORDS)).stream().anyMatch(REFERS_BACK::contains);
        }
        if (lower.contains("estimate")) {
            Matcher estimate = NAMED_ESTIMATE.matcher(lower);
            while (estimate.find()) {
                Arrays.stream(estimate.group(1).strip().split("\\s+")).filter(word -> !word.isEmpty() && !LEADING.contains(word)).forEach(words::add);
            }
        }
        Matcher changes = HOW_IT_CHANGES.matcher(lower);
        while (changes.find()) {
            List<String> changing = List.of(Concept.withoutPossessives(changes.group(1).strip()).split("[^\\p{L}\\p{N}_-]+"));
            if (changing.stream().noneMatch(ASKERS::contains)) { // "how should we change …" asks what to do, not a value
                // the value ends where a phrase says whose it is: "how does the best achievable loss for a text model compare" → best, achievable, loss
                changing.stream().takeWhile(word -> !OF_WHAT.contains(word)).filter(word -> !word.isEmpty() && !OWNERS.contains(word)).forEach(words::add);
            }
        }
        if (words.isEmpty() || refersBack) {
            // no interrogative of amount, or one that asks of what came before ("how much to drop it"): a question that
            // opens with what it asks ("lr for a 7B model?", "peak lr for 1B vs 7B? … how much to drop it"), up to a number
            Matcher named = NAMED_FIRST.matcher(lower);
            while (named.find()) {
                // up to four words, and past a coordinator up to three more ("step law lr and batch for 3B …")
                int limit = ASKED_WORDS;
                int read = 0;
                for (String word : named.group(1).split("[^\\p{L}\\p{N}_-]+")) {
                    if (word.chars().anyMatch(Character::isDigit) || read >= limit) {
                        break;
                    }
                    if (!word.isEmpty()) {
                        words.add(word);
                        read++;
                        if (read > 1 && (word.equals("and") || word.equals("or"))) {
                            limit = read + AFTER_COORDINATOR;
                        }
                    }
                }
            }
        }
        // a short form asks for the word it stands for: "whats the avg err" → average, error
        List.copyOf(words).forEach(word -> Abbreviations.expanded(word).ifPresent(words::add));
        return words;
    }

    /**
     * The optimal size or data as notation writes it, "N*", "D^*", "N^{*}", "N_{opt}", "N_{\rm opt}", read as "n_opt" and
     * "d_opt": "what's N*?" asks for the optimal model size. Not a product: "6*N*D" stays as it is.
     */
    static String optimaAsWritten(String lower) {
        return OPTIMUM_SYMBOL.matcher(lower).replaceAll("$1_opt");
    }

    /**
     * Labels set to numbers, as a config file or a pasted table writes them: a label of a config's form set to a number
     * ("data.total_tokens = 2.6e+11", "budget_pf_days: 50"), or a run of two or more labels each set to a number
     * ("params: 2.8e9, tokens_seen: 1.5e11", "N = 3e9, D = 6e11"). They state numbers, not what is asked; a single
     * word before a colon stays a name of what is asked ("precision-aware compute: 7B params … effective FLOPs?"). Read
     * as one number, which ends what a question opening with its value names, as the numbers did.
     */
    /** The text with its labels set to numbers ({@link #LABELLED}) read as one number each; only a text with "=" or ":" has any. */
    private static String withoutLabels(String text) {
        return text.indexOf('=') < 0 && text.indexOf(':') < 0 ? text : LABELLED.matcher(text).replaceAll(" 0 ");
    }

    private static final String SET_TO = "\\s*[=:]\\s*(?=[\\d.])" + Numbers.PATTERN.replaceAll("\\(\\?<\\w+>", "(?:");
    private static final Pattern LABELLED = Pattern.compile("[\\p{L}][\\p{L}\\p{N}]*[_.][\\p{L}\\p{N}_.]*" + SET_TO
            + "|(?:[\\p{L}][\\p{L}\\p{N}_']*(?:\\s?\\([\\p{L}\\p{N}_\\s-]+\\))?" + SET_TO + "\\s*[,;]\\s*){1,}[\\p{L}][\\p{L}\\p{N}_']*"
            + "(?:\\s?\\([\\p{L}\\p{N}_\\s-]+\\))?" + SET_TO);

    /**
     * An estimate named by what it estimates, "estimate" being a noun: "Lifetime compute estimate, please", "a rough loss
     * estimate for …" ask for the compute and the loss; the one to three words before it, after no verb, pronoun or
     * preposition ("can you estimate", "to estimate", "we estimate").
     */
    private static final Pattern NAMED_ESTIMATE = Pattern.compile("(?:^|(?<=[.!?:;,(]\\s?)|\\b(?:a|an|the|my|our|your|rough|quick|ballpark)\\s)"
            + "((?:(?!(?:to|you|i|we|they|please|can|could|would|will|should|and|or|let's|lets|must)\\b)[\\p{L}_-]+\\s){1,3})estimates?\\b");

    /**
     * A fit named by what it gives against what it reads, written as one word: "their loss-versus-model-size fit", "the
     * error-vs-loss curve" give a loss and an error; the words after "versus" name what it is read at, not what is asked.
     */
    private static final Pattern AGAINST = Pattern.compile("\\b([\\p{L}\\p{N}_]+)-(?:versus|vs\\.?)-[\\p{L}\\p{N}_-]+");

    private static final Pattern OPTIMUM_SYMBOL = Pattern.compile("\\b([nd])(?:\\^?\\{?\\*\\}?(?![\\p{L}\\p{N}(])|_\\{(?:\\\\(?:rm|text|mathrm)\\s?\\{?)?opt\\}?\\})");

    /**
     * A question of how a value changes between the settings it states asks for that value: "How should the optimal peak
     * LR differ for a 1B model trained on 100B tokens vs the same model on 1T tokens?" asks for the learning rate, "how
     * does the loss change from 1B to 7B?" for the loss. Up to ten words between the auxiliary and the verb of change,
     * the value's own up to a preposition ({@link #OF_WHAT}): "how does the best achievable loss for a plain text model
     * compare with …" asks for the loss.
     */
    private static final Pattern HOW_IT_CHANGES = Pattern.compile("\\bhow (?:should|does|do|did|would|will|could|might|can|must) "
            + "((?:[\\p{L}\\p{N}_'’-]+ ){1,10}?)(?:differ|change|vary|scale|shift|move|grow|shrink|compare|evolve|drop|fall|rise|increase|decrease)s?\\b");
    /** Prepositions after which a question of change says whose value changes, not which: "the loss for a 1B model". */
    private static final Set<String> OF_WHAT = Set.of("for", "of", "in", "on", "at", "with", "from", "under", "per", "across", "between");
    /** Subjects that make a question of change one of what to do: "how should we change the schedule". */
    private static final Set<String> ASKERS = Set.of("i", "we", "you", "they", "one", "it");
    /** Determiners and possessives before the value a question of change asks for ("how should the optimal lr differ"). */
    private static final Set<String> OWNERS = Set.of("the", "a", "an", "my", "our", "your", "its", "their", "this", "that", "these", "those");

    /** Pronouns by which what is asked refers to what the question named before ("how much to drop it"). */
    private static final Set<String> REFERS_BACK = Set.of("it", "them", "this", "that", "these", "those");

    /** Words before what is asked: "what does the Kaplan law predict", "which is the best learning rate". */
    private static final Set<String> LEADING = Set.of("s", "does", "do", "did", "is", "are", "was", "were", "would", "will", "should", "can", "could",
            "the", "a", "an");
    /** Words that go on to say something of what is asked: an auxiliary, a pronoun, a verb of what a law does. */
    private static final Set<String> PREDICATE = Set.of("would", "will", "should", "could", "can", "does", "do", "did", "is", "are", "was", "were",
            "be", "has", "have", "had", "i", "we", "you", "they", "it", "minimizes", "minimises", "minimize", "minimise", "maximizes", "maximises",
            "gives", "give", "reaches", "reach", "yields", "predicts", "gets", "needs", "makes", "lies");

    /** How many words of what is asked are read, after the words before it ("what's the predicted eval loss"). */
    private static final int ASKED_WORDS = 4;

    /** How many words after "and" or "or" a list of what is asked may run on. */
    private static final int AFTER_COORDINATOR = 3;

    /**
     * A question that opens with what it asks for, as a search box gets it ("lr for a 7B model on 2T tokens?",
     * "predicted loss for …", "Video VQ: optimal model size at 1e19 FLOPs?", after a colon or a dash: "1.6B params, 4
     * parallel streams — expected loss?", after an arrow: "50 PF-days -> loss?", or after a comma when it is the whole rest
     * of the question, up to four words: "1.3b params on 26b tokens, loss?"): its first words, up to
     * four (three more past "and" or "or"), when the first is no verb, pronoun, preposition or interrogative that would make it a sentence ("Is it
     * worth …", "We plan …", "For a 7B model, …"), nor "any" or "some", which ask whether there is such a thing ("Any
     * caveats when extrapolating a loss curve from 10M-param pilots to a 1B run?" asks for advice, not a value).
     */
    private static final Pattern NAMED_FIRST = Pattern.compile("(?:^|(?<=[.!]\\s)(?=[^.!?]*\\?)|:|[—–]| - |\\s?(?:-+>|→|=>)|,(?=\\s*(?:[\\p{L}\\p{N}_-]+\\s*){1,4}\\?))\\s*(?:(?:the|an?)\\s+)?(?!(?:is|are|was|were|do|does|did|can|could|should|would"
            + "|will|shall|may|might|must|has|have|had|how|why|when|where|who|whom|whose|what|which|whether|if|in|on|for|with|to|at|by|from|as|of|i|we|you"
            + "|they|it|my|our|your|their|this|that|these|those|and|or|but|given|assuming|using|under|per|according|suppose|say|let|please|tell|help"
            + "|compare|plan|estimate|predict|there|here|so|then|also|just|about|between|after|before|without|imagine|any|some)\\b)"
            + "(\\p{L}[\\p{L}\\p{N}_-]*(?:[^\\p{L}\\p{N}:?!—–]+[\\p{L}\\p{N}_-]+){0,6})");

    /**
     * A title or a name between quotation marks ("in 'Beyond Chinchilla-Optimal'", "“Training Compute-Optimal Large
     * Language Models”"): its words name a paper, they do not ask for an allocation. An apostrophe inside a word ("we're",
     * "Sardana's") opens nothing.
     */
    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])['‘\"“]([^'’\"”]{2,120})['’\"”](?![\\p{L}\\p{N}])");

    /** A number, up to two words of its unit, and an opening parenthesis: what a gloss of the number follows. */
    private static final Pattern GLOSSED = Pattern.compile("\\d[\\p{L}\\p{N}.+-]*(?:\\s+[\\p{L}-]+){0,2}\\s*\\($");
    /** How far before its parenthesis a glossed number may start, in characters. */
    private static final int GLOSS_REACH = 48;

    /**
     * Whether the words from here open a parenthesis that glosses a number the question states ("D_inf=5.0e12 (expected
     * lifetime serving tokens)", "1e12 tokens (predicted demand)"): they say what the number is, they ask nothing.
     */
    private static boolean glossesANumber(String lower, int start) {
        int open = lower.lastIndexOf('(', start - 1);
        return open > 0 && lower.substring(open + 1, start).isBlank()
                && GLOSSED.matcher(lower.substring(Math.max(0, open - GLOSS_REACH), open + 1)).find();
    }

    private static final Pattern ASKED_FOR = Pattern.compile("\\b(what|whats|which|how much|how many|how big|how large|how high|how low"
            + "|predicts?|predicted|estimates?|forecasts?|expects?(?! to )|expected(?! to )|choose|pick|know|tell(?: me| us)?|give(?: me| us)?|ballpark|calculate|work out"
            + "|(?:(?<=^)|(?<=please )|(?<=to )|(?<=you )|(?<=[.!?:;,] ))compute(?= (?:the|an?|my|our|its) )"
            + "|tabulate|plot|chart|fill in|fill out|(?<=^|[.!?:] )compare"
            + "|(?:translates?|converts?|corresponds?|maps?|equates?|amounts?|equivalent) (?:in)?to(?: an?| the)?(?: in)?(?: as(?: an?)?)?|in terms of"
            + "|(?:put|puts|land|lands|leave|leaves|bring|brings) (?:our|my|your|their|its)(?= \\p{L}))\\b(?=((?:[^\\p{L}\\p{N}?!;]+[\\p{L}\\p{N}_-]+){1,10}))");

    private static final Pattern ALLOCATION = Pattern.compile("\\b(optimal(ly)?|optimum|allocat\\w*|compute[- ]efficient|[nd]_opt|how many ((non-embedding|training|pre-?training|total) )?(tokens|parameters|params)(?! (is|are|was|were) (that|this|it)\\b)|how much (training )?(data|text)|how much (bigger|larger|smaller)"
            + "|how (big|large)|(what|which) (\\w+ )?size|should .* (see|train|use|pick|choose|plan)|(pick|choose) .*\\b(size|tokens|parameters)"
            + "|(split|divide) .* between|plan (a|my|the|our) (\\w+ ){0,2}run)\\b");
    /** A choice between a bigger model and more data is an allocation ("a bigger model or more tokens", "more data vs. more parameters"). */
    private static final String MORE_MODEL = "(bigger|larger) models?|more parameters";
    private static final String MORE_DATA = "more (training )?(tokens|data)";
    private static final Pattern MODEL_OR_DATA = Pattern.compile("\\b((" + MORE_MODEL + ")\\W+(or|vs|versus)\\W+(\\w+ ){0,2}(" + MORE_DATA + ")"
            + "|(" + MORE_DATA + ")\\W+(or|vs|versus)\\W+(\\w+ ){0,2}(" + MORE_MODEL + "))\\b");
}
