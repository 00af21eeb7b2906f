package org.scalingatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalingatlas.laws.Plan;

class PlanRequestTest {

    @Test
    void should_read_a_compute_budget_with_its_options() {
        PlanRequest plan = PlanRequest.ofBody(Bodies.of("{\"compute\": 5.76e23, \"uniqueTokens\": \"500B\", \"inferenceTokens\": 0, \"precision\": 16}"));
        assertEquals(new Plan.Budget(5.76e23, null, 5e11, 0.0, 16.0), plan.budget());
        assertEquals(5.76e23, plan.compute());
    }

    @Test
    void should_read_a_target_loss() {
        PlanRequest plan = PlanRequest.ofBody(Bodies.of("{\"targetLoss\": 1.947}"));
        assertNull(plan.compute());
        assertTrue(plan.budget().forLoss());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{}|compute or targetLoss is required",
        "{\"uniqueTokens\": 1e12}|compute or targetLoss is required",
        "{\"compute\": 1e24, \"targetLoss\": 2}|give compute or targetLoss, not both",
        "{\"targetLoss\": 0}|targetLoss must be positive",
        "{\"targetLoss\": \"low\"}|targetLoss: 'low' is not a number",
        "{\"compute\": -5.76e23}|compute must be positive",
        "{\"compute\": \"NaN\"}|compute: 'NaN' is not a number",
        "{\"compute\": 1e400}|compute must be a finite number",
        "{\"compute\": 1e31}|compute = 1.00e31 FLOPs is beyond",
        "{\"compute\": null}|compute must be a number (or a string such as \"70B\"), got null",
        "{\"compute\": true}|compute must be a number (or a string such as \"70B\"), got boolean",
        "{\"compute\": 1e24, \"uniqueTokens\": -1}|uniqueTokens must be positive",
        "{\"compute\": 1e24, \"inferenceTokens\": -1}|inferenceTokens must be zero or positive",
        "{\"compute\": 1e24, \"precision\": 1000}|precision = 1.00e03 bits is beyond",
        "{\"compute\": 1e24, \"budget\": 1}|a plan takes no field 'budget' (it takes compute, targetLoss, uniqueTokens, inferenceTokens, precision)"})
    void should_refuse_a_bad_budget_naming_the_field(String body, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PlanRequest.ofBody(Bodies.of(body)));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }

    @Test
    void should_check_a_budget_however_it_is_made() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new PlanRequest(1e24, 2.0, null, null, null));
        assertTrue(refused.getMessage().startsWith("give compute or targetLoss, not both"), refused.getMessage());
    }

    @Test
    void should_cut_a_long_unknown_field() {
        RequestException refused = assertThrows(RequestException.class, () -> PlanRequest.ofBody(Bodies.of("{\"" + "x".repeat(100) + "\": 1}")));
        assertTrue(refused.getMessage().startsWith("a plan takes no field '" + "x".repeat(37) + "...'"), refused.getMessage());
    }
}
