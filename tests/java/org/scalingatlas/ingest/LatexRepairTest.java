package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexRepairTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "multimodal imageleftrightarrowtext models | multimodal image↔text models",
        "in only 1sim4 steps                      | in only 1∼4 steps",
        "sampling by 15timessim50times.           | sampling by 15×∼50×.",
        "Inference Scaling scriptsizeFLaws: The   | Inference Scaling Flaws: The",
        "to achieve 8times compression            | to achieve 8× compression",
        "an 8times 8 resolution                   | an 8× 8 resolution",
        "tuning the AdamW beta_2 parameter        | tuning the AdamW β_2 parameter",
        "L_0 + Acdot S_1^{-alpha} - Ccdot S_2     | L_0 + A· S_1^{-α} - C· S_2",
        "scales as eta/lambdacdot d^{0.75}        | scales as η/λ· d^{0.75}",
        "in norm as eta/lambda with               | in norm as η/λ with",
        "as B_crit propto T, rule eta_2propto d^{-1} at eta_1=Theta_d(1) | as B_crit ∝ T, rule η_2∝ d^{-1} at η_1=Θ_d(1)",
        "is `lazy'(alphagg1) or (alphall1)        | is `lazy'(α≫1) or (α≪1)",
        "the ``emergent abilities''.              | the “emergent abilities”.",
        "a 138B token runx2014each from the modelx2013and | a 138B token run—each from the model–and",
        "improves accuracy by sim 1.3% overall    | improves accuracy by ∼1.3% overall",
        "learning rate {\\eta} and weight decay {\\lambda}. | learning rate η and weight decay λ.",
        "the AdamW timescale, B/({\\eta}{\\lambda}D), should | the AdamW timescale, B/(ηλD), should",
        "predict {\\lambda}opt in advance       | predict λopt in advance",
        "show that {4-bit} precision             | show that 4-bit precision",
        "by 4.8\\% and private data \\& models  | by 4.8% and private data & models",
        "what we call the na\\\"ive loss and {\\'e}t{\\'e} | what we call the naïve loss and été",
        "O(ε_{opt}+epsilon_{mathrm{RM}^2C^*/k})   | O(ε_{opt}+ε_{RM^2C^*/k})",
        "quantization (rm StatsQ) to improve      | quantization (StatsQ) to improve",
        "Direct Feedback Alignment~(DFA) to train | Direct Feedback Alignment (DFA) to train",
        "(I) \\textbf{L}azy learning              | (I) Lazy learning",
    })
    void should_repair_latex_when_a_command_lost_its_backslash(String mangled, String repaired) {
        assertEquals(repaired.strip(), LatexRepair.repair(mangled.strip()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a similar simple approximation sometimes",
        "hundreds of times less resource consumption",
        "below 2.2 times 10^{15} FLOPs",
        "the alpha version of the beta release",
        "a theta-based timescale",
        "exhibit a rate width^{-c}, where c",
        "MSE losses decay as N^{-α}, α=4/d",
        "ε_{RM} is the estimation error and D_{KL}(True||Model)",
        "costs about ~1B tokens with a ~80% rate",
    })
    void should_leave_text_alone_when_the_reading_is_ambiguous(String text) {
        assertEquals(text, LatexRepair.repair(text));
    }
}
