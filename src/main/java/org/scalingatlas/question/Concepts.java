package org.scalingatlas.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the concepts a question names by word class: runs of adjectives and nouns that end in a noun. Verbs, however
 * topical they look ("buy", "write", "afford", "stack"), and the framing nouns of {@link Topics#isFunctionWord} ("way",
 * "effect", "question") are never concepts, and the head of what the asker owns ("our app") is the question's setting.
 */
public final class Concepts {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’.][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

    private final WordClasses tagger;

    public Concepts(WordClasses tagger) {
        this.tagger = tagger;
    }

    /** A capitalised adjective inside the sentence names something ("mostly Chinese", "Bayesian"), like a proper noun. */
    private static boolean properAdjective(String token, int position) {
        return position > 0 && Character.isUpperCase(token.codePointAt(0));
    }

    /** After a noun, a participle is the verb of a clause ("agents completing tasks"), not a modifier. */
    private static boolean afterNoun(List<WordClasses.WordClass> classes, int i) {
        return i > 0 && (classes.get(i - 1) == WordClasses.WordClass.NOUN || classes.get(i - 1) == WordClasses.WordClass.PROPER_NOUN);
    }

    /**
     * A word of letters then digits with a capital among them, the digits joined to the letters or after a hyphen ("H100",
     * "MI300", "A100s", "L2", "GPT-5", "Llama-3.1-8B"): a model or product name, which taggers read as a number or a
     * symbol. In lower case ("l2", "x3", "top-1") it is as likely a typo, a variable or a rank.
     */
    private static final Pattern ALPHANUMERIC_NAME = Pattern.compile("(?=.*\\p{Lu})\\p{L}+-?\\d[\\p{L}\\p{N}]*(?:[.-][\\p{L}\\p{N}]+)*");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "our", "my", "their", "your", "its");
    /** What may follow an adjective used as a noun ("on a wearable with …"): a preposition, or the end of a clause. */
    private static final Set<String> AFTER_A_NOUN = Set.of("with", "of", "in", "on", "at", "for", "from", "to", "by",
            "under", "over", "?", ".", "!", ";", ":");

    /**
     * What opens a noun phrase that is the object of a verb ("push a net", "stitch the pieces"): an article, a possessive
     * or a demonstrative. Not "that", which as often opens a clause.
     */
    private static final Set<String> OPENS_AN_OBJECT = Set.of("a", "an", "the", "its", "their", "our", "my", "your", "his", "her",
            "this", "these", "those", "each", "every");

    private static final Set<String> FORMS_OF_BE = Set.of("is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't");
    private static final Set<String> SENTENCE_END = Set.of(".", "?", "!", ";", ":");

    /** Whether an object opens here: an article, a possessive or a demonstrative, but not "the way" ("scale the way LLMs do"). */
    private static boolean opensAnObject(List<String> tokens, int i) {
        return OPENS_AN_OBJECT.contains(tokens.get(i).toLowerCase(Locale.ROOT))
                && !(i + 1 < tokens.size() && tokens.get(i).equalsIgnoreCase("the") && tokens.get(i + 1).equalsIgnoreCase("way"));
    }

    /**
     * Whether the noun phrase before this word is the subject of "be", so that what follows is its complement, not an
     * object: the last verb before it in the sentence is a form of "be" ("Are emergent abilities an artefact …?", "Is
     * MaMMUT or vanilla CLIP the better bet?").
     */
    private static boolean complementOfBe(List<String> tokens, List<WordClasses.WordClass> classes, int i) {
        for (int j = i - 1; j >= 0 && !SENTENCE_END.contains(tokens.get(j)); j--) {
            if (classes.get(j) == WordClasses.WordClass.VERB) {
                return FORMS_OF_BE.contains(tokens.get(j).toLowerCase(Locale.ROOT).replace('’', '\''));
            }
        }
        return false;
    }

    /** Pronouns that are a clause's subject, after which a verb comes ("we sample", "they train"). */
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "we", "you", "they");

    /**
     * Whether a lower-case word the tagger reads as a noun follows a subject pronoun, so that it is the clause's verb
     * ("We sample 8 times per prompt", "I fit a law"). A plural after the pronoun is one it stands beside ("we
     * researchers", "you folks"), so a word ending in a single "s" stays a noun; "we pass", "we focus" are verbs still.
     */
    private static boolean afterASubjectPronoun(List<String> tokens, int i) {
        String word = tokens.get(i);
        return i > 0 && SUBJECT_PRONOUNS.contains(tokens.get(i - 1).toLowerCase(Locale.ROOT)) && word.equals(word.toLowerCase(Locale.ROOT)) && !plural(word);
    }

    /** The auxiliary of a question's inversion ("how many FLOPs does the model need?"), after which subject and verb come. */
    private static final Set<String> FORMS_OF_DO = Set.of("do", "does", "did");
    /** Pronouns that are a verb's object ("charge for it", "count them"). */
    private static final Set<String> OBJECT_PRONOUNS = Set.of("it", "them", "us", "me", "him", "that", "this", "these", "those");
    /**
     * Words a subject's noun phrase may hold between an auxiliary and its verb, besides nouns, adjectives and numbers
     * ("does the ratio of tokens per parameter change …?").
     */
    private static final Set<String> IN_A_SUBJECT = Set.of("a", "an", "the", "this", "that", "these", "those", "our", "my", "their", "your",
            "its", "his", "her", "et", "al", "'s", "’s", "of", "per");

    /**
     * Whether a lower-case singular word the tagger reads as a noun is the verb of a question inverted with "do" or a modal: after
     * "does" and the subject's noun phrase, with no verb after it in its clause ("how many FLOPs does the Kumar et al.
     * cost model charge for that?", "how much does data quality matter?", "why does the distillation break on some
     * backbones, and how can …?"). Before "of" it is a noun ("does the rule of thumb …"), and the subject keeps at least
     * one noun. After a modal ("can", "should", …) only right after the subject's head noun ("can the two curves
     * intersect?", "what loss should an 85M model reach?"): the tagger reads a modal's verb wrong elsewhere too ("can a
     * model store per parameter" reads "store" as a noun, and "parameter" is no verb).
     */
    private static boolean verbAfterDo(List<String> tokens, List<WordClasses.WordClass> classes, int i) {
        String word = tokens.get(i);
        if (!word.equals(word.toLowerCase(Locale.ROOT)) || plural(word)) {
            return false;
        }
        if (i + 1 < tokens.size()) {
            String next = tokens.get(i + 1).toLowerCase(Locale.ROOT);
            if (next.equals("of") || !(AFTER_A_NOUN.contains(next) || OPENS_AN_OBJECT.contains(next) || OBJECT_PRONOUNS.contains(next))) {
                return false;
            }
        }
        for (int j = i + 1; j < tokens.size() && !SENTENCE_END.contains(tokens.get(j)) && !opensAClause(tokens, j); j++) {
            if (classes.get(j) == WordClasses.WordClass.VERB) {
                return false;
            }
        }
        boolean subject = false;
        for (int j = i - 1; j >= 0; j--) {
            String before = tokens.get(j).toLowerCase(Locale.ROOT);
            if (FORMS_OF_DO.contains(before)) {
                return subject;
            }
            if (INVERTING.contains(before)) {
                return subject && isNoun(classes.get(i - 1)); // after a modal, right after the subject's head ("can the two curves intersect?")
            }
            if (before.equals(".") && j > 0 && tokens.get(j - 1).equalsIgnoreCase("al")) {
                continue; // "et al."
            }
            WordClasses.WordClass type = classes.get(j);
            if (!(isNoun(type) || type == WordClasses.WordClass.ADJECTIVE || type == WordClasses.WordClass.NUMBER || IN_A_SUBJECT.contains(before))) {
                return false;
            }
            subject |= isNoun(type);
        }
        return false;
    }

    private static boolean isNoun(WordClasses.WordClass type) {
        return type == WordClasses.WordClass.NOUN || type == WordClasses.WordClass.PROPER_NOUN;
    }

    /**
     * The tagger's word classes, corrected where it reads a name or a noun as something else: a word of letters then
     * digits is a name ("a block of H100 hours"), an adjective between a determiner and a preposition or the end of
     * a clause is used as a noun ("on a wearable with a RAM cap"), and a noun after a noun and before an article or a
     * possessive is the verb of the clause, with its object after it ("Does low-rank weight init push a net …?", "have a
     * model stitch the pieces"): a noun phrase does not run on into another's article; and so is a noun right after a
     * subject pronoun ("we sample", see {@link #afterASubjectPronoun}) or ending the subject of a question inverted with
     * "do" ("what does the cost model charge?", see {@link #verbAfterDo}); and an -ing word between a singular noun and a
     * noun is a gerund inside a compound noun ("job recruiting platform", see {@link #gerundInACompound}).
     */
    private static List<WordClasses.WordClass> corrected(List<String> tokens, List<WordClasses.WordClass> tagged) {
        List<WordClasses.WordClass> classes = new ArrayList<>(tagged);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (ALPHANUMERIC_NAME.matcher(token).matches() && classes.get(i) != WordClasses.WordClass.NOUN) {
                classes.set(i, WordClasses.WordClass.PROPER_NOUN);
            } else if (classes.get(i) == WordClasses.WordClass.ADJECTIVE && i > 0 && DETERMINERS.contains(tokens.get(i - 1).toLowerCase(Locale.ROOT))
                    && (i + 1 == tokens.size() || AFTER_A_NOUN.contains(tokens.get(i + 1).toLowerCase(Locale.ROOT)))) {
                classes.set(i, WordClasses.WordClass.NOUN);
            } else if (classes.get(i) == WordClasses.WordClass.NOUN && i > 0 && i + 1 < tokens.size() && isNoun(classes.get(i - 1))
                    && opensAnObject(tokens, i + 1) && !complementOfBe(tokens, classes, i)) {
                classes.set(i, WordClasses.WordClass.VERB);
            } else if (gerundInACompound(tokens, classes, i) || opensTheSubject(tokens, classes, i)) {
                classes.set(i, WordClasses.WordClass.NOUN);
            } else if (classes.get(i) == WordClasses.WordClass.NOUN && (afterASubjectPronoun(tokens, i) || verbAfterDo(tokens, classes, i))) {
                classes.set(i, WordClasses.WordClass.VERB);
            }
        }
        return classes;
    }

    /**
     * Whether an -ing word the tagger reads as a verb is a gerund inside a compound noun: between a singular common noun
     * and a noun, as in "our job recruiting platform", "our reinforcement learning stage", "the repeated-data scaling law"
     * (a noun that modifies another is singular). After a plural it is the verb of a clause ("agents completing tasks").
     */
    private static boolean gerundInACompound(List<String> tokens, List<WordClasses.WordClass> classes, int i) {
        if (classes.get(i) != WordClasses.WordClass.VERB || i == 0 || i + 1 >= tokens.size() || !tokens.get(i).toLowerCase(Locale.ROOT).endsWith("ing")) {
            return false;
        }
        return classes.get(i - 1) == WordClasses.WordClass.NOUN && !plural(tokens.get(i - 1).toLowerCase(Locale.ROOT))
                && classes.get(i + 1) == WordClasses.WordClass.NOUN;
    }

    /** The auxiliaries that open a question's inversion, after which its subject comes ("would", "does", "can"). */
    private static final Set<String> INVERTING = Set.of("do", "does", "did", "can", "could", "would", "will", "should", "shall", "might",
            "may", "must");
    /** What may stand before an inverting auxiliary that opens a question or its clause ("how would …", ", and would …"). */
    private static final Set<String> BEFORE_AN_INVERSION = Set.of("how", "what", "why", "when", "where", "which", "who", "whom", "whose",
            ",", "and", "or", "but", "so", "then");

    /**
     * Whether a lower-case word the tagger reads as a verb opens the subject of a question inverted with an auxiliary,
     * before a noun: "how would export restrictions … change …?", "how does label smoothing interact …?". Right after
     * the auxiliary comes the subject, never the verb; the verb follows the subject.
     */
    private static boolean opensTheSubject(List<String> tokens, List<WordClasses.WordClass> classes, int i) {
        if (classes.get(i) != WordClasses.WordClass.VERB || i == 0 || i + 1 >= tokens.size() || classes.get(i + 1) != WordClasses.WordClass.NOUN
                || !tokens.get(i).equals(tokens.get(i).toLowerCase(Locale.ROOT)) || !INVERTING.contains(tokens.get(i - 1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        return i == 1 || BEFORE_AN_INVERSION.contains(tokens.get(i - 2).toLowerCase(Locale.ROOT));
    }

    /** What joins a second clause after a comma (", and how can …", ", or does …"). */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "but");

    /** Whether a new clause opens here: a comma, then a conjunction. */
    private static boolean opensAClause(List<String> tokens, int j) {
        return tokens.get(j).equals(",") && j + 1 < tokens.size() && CONJUNCTIONS.contains(tokens.get(j + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether a word reads as a plural: ending in "s", not in "ss" or "us" ("loss", "class", "corpus"). */
    private static boolean plural(String word) {
        return word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us");
    }

    private static boolean nextIsNounish(List<WordClasses.WordClass> classes, int i) {
        if (i + 1 >= classes.size()) {
            return false;
        }
        WordClasses.WordClass next = classes.get(i + 1);
        return next == WordClasses.WordClass.NOUN || next == WordClasses.WordClass.PROPER_NOUN || next == WordClasses.WordClass.ADJECTIVE;
    }

    /** "our", "my": what follows is the asker's own ("our app", "my lab's cluster"). */
    private static final Set<String> FIRST_PERSON_POSSESSIVES = Set.of("our", "my");

    private static boolean ownedByTheAsker(List<String> tokens, int i) {
        return i > 0 && FIRST_PERSON_POSSESSIVES.contains(tokens.get(i - 1).toLowerCase(Locale.ROOT));
    }

    /**
     * What the asker owns names the setting of the question by its head, not its topic ("our app", "our screening
     * pipeline", "my insurance pricing model"): only the words before the head must be in the corpus ("screening",
     * "insurance pricing"), and a phrase of the head alone names no concept at all. The head must be a common noun in
     * lower case: a name stays a concept ("my MacBook", "our Shopify storefront").
     */
    private static Optional<Concept> withoutTheSetting(Concept owned) {
        List<String> before = owned.words().subList(0, owned.words().size() - 1);
        return before.isEmpty() ? Optional.empty()
                : Optional.of(new Concept(owned.text(), before, owned.name(), owned.qualifiers().stream().filter(before::contains).toList()));
    }

    public List<Concept> of(Question question) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(question.text());
        while (m.find()) {
            tokens.add(m.group());
        }
        List<WordClasses.WordClass> classes = tokens.isEmpty() ? List.of() : corrected(tokens, tagger.tag(tokens));
        List<Concept> concepts = new ArrayList<>();
        List<String> run = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> qualifiers = new ArrayList<>();
        int nouns = 0;
        boolean name = false;
        boolean owned = false;
        for (int i = 0; i <= tokens.size(); i++) {
            String token = i < tokens.size() ? tokens.get(i) : "";
            WordClasses.WordClass type = i < tokens.size() ? classes.get(i) : WordClasses.WordClass.OTHER;
            String word = token.toLowerCase(Locale.ROOT).replace('’', '\'');
            boolean named = Character.isLetter(token.isEmpty() ? ' ' : token.charAt(0)) && !Topics.isFunctionWord(word) && word.length() > 1;
            boolean noun = named && (type == WordClasses.WordClass.NOUN || type == WordClasses.WordClass.PROPER_NOUN);
            // an adjective, or a participle that opens a noun phrase ("spiking neural networks", "under federated learning")
            boolean modifier = named && (type == WordClasses.WordClass.ADJECTIVE
                    || (type == WordClasses.WordClass.VERB && (word.endsWith("ing") || word.endsWith("ed")) && nextIsNounish(classes, i)
                        && !afterNoun(classes, i)));
            if (noun) {
                owned |= run.isEmpty() && ownedByTheAsker(tokens, i);
                run.add(token);
                words.addAll(pending);
                pending.clear();
                words.add(word);
                nouns++;
                name |= type == WordClasses.WordClass.PROPER_NOUN;
                continue;
            }
            if (!modifier || nouns > 0) {
                if (nouns > 0) {
                    Concept concept = new Concept(String.join(" ", run), words, name, qualifiers);
                    boolean commonHead = classes.get(i - 1) == WordClasses.WordClass.NOUN && run.getLast().equals(words.getLast());
                    (owned && commonHead ? withoutTheSetting(concept) : Optional.of(concept)).ifPresent(concepts::add);
                } else if (!run.isEmpty() && properAdjective(run.get(run.size() - 1), i - 1)) {
                    concepts.add(new Concept(run.get(run.size() - 1), List.of(pending.get(pending.size() - 1)), true));
                }
                run.clear();
                words.clear();
                pending.clear();
                qualifiers.clear();
                nouns = 0;
                name = false;
                owned = false;
            }
            if (modifier) {
                owned |= run.isEmpty() && ownedByTheAsker(tokens, i);
                run.add(token);
                pending.add(word);
                if (token.equals(word)) {
                    qualifiers.add(word);
                }
            }
        }
        return concepts;
    }

}
