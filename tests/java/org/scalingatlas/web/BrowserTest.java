package org.scalingatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.http.AtlasServer;

/**
 * The web app in a real browser (Debian's headless Chromium through Selenium) against the real server on the real
 * corpus: the three jobs (ask, trace a claim, compute a cited law), a refusal, and markup that must stay text.
 * Screenshots of each page land in target/screenshots. Without a browser the tests are skipped with a message,
 * except under CI (CI=true), where a missing browser fails the run.
 */
@Slow
class BrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("atlas.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("atlas.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Path DOWNLOADS = Path.of("target/browser-downloads").toAbsolutePath();

    private static Javalin server;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "no browser for the web tests: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are needed (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                fail(missing + "; CI must run them");
            }
            Assumptions.abort(missing);
        }
        server = AtlasServer.create(TestAtlas.real().services()).start("127.0.0.1", 0);
        profile = TestAtlas.scratch("atlas-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        Files.createDirectories(DOWNLOADS);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toString(), "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static String ask(String question) {
        return "/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8);
    }

    private static WebElement waitFor(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, not just the window. */
    private static void fullPage(String name) {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return Math.min(6000, document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) height));
        screenshot(name);
        browser.manage().window().setSize(window);
    }

    @Test
    void should_show_the_verdict_the_sources_and_the_cited_law_run_with_the_questions_numbers() {
        browser.get(url(ask("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?")));
        assertEquals("answered", waitFor(".verdict").getAttribute("data-verdict"));
        assertFalse(browser.findElements(By.cssSelector(".sources li.source")).isEmpty());
        WebElement calculator = waitFor(".calculator[data-law='chinchilla-parametric-loss']");
        assertTrue(calculator.findElement(By.cssSelector("[data-output='loss']")).getText().startsWith("1.93"), calculator.getText());
        assertTrue(calculator.getText().contains("your numbers"));
        waitFor(".calculator svg.chart path.curve");
        WebElement bibtex = browser.findElement(By.cssSelector(".sources .export a[href^='/api/export.bib?ids=']"));
        String exported = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", bibtex.getAttribute("href"));
        long cited = browser.findElements(By.cssSelector(".sources ul.papers li")).stream().map(WebElement::getText).distinct().count();
        assertEquals(cited, exported.lines().filter(l -> l.startsWith("@misc{")).count(), "export these sources: one entry per cited paper");
        fullPage("ask-answered");
    }

    @Test
    void should_show_beside_a_plans_calculators_how_far_they_spread_and_why() {
        browser.get(url(ask("How should I split 5.76e23 FLOPs between parameters and tokens?")));
        WebElement spread = waitFor(".calculations .calculation-spread");
        assertTrue(spread.getText().startsWith("Spread: the largest N_opt ("), spread.getText());
        assertTrue(browser.findElements(By.cssSelector(".calculations .calculator")).size() >= 2, "one calculator per row of the plan");
    }

    @Test
    void should_show_a_calculator_per_constant_set_a_question_compares_each_saying_what_it_was_fitted_on() {
        browser.get(url(ask("What loss would a 2B model reach on Python code with 2 parallel streams, and on the Pile?")));
        WebElement spread = waitFor(".calculations .calculation-spread");
        assertTrue(spread.getText().startsWith("Only the constants differ between these runs:"), spread.getText());
        List<WebElement> labels = browser.findElements(By.cssSelector(".calculator[data-law='parscale-loss'] .constants-label"));
        assertEquals(List.of(" (ParScale on Stack-V2 Python (refit of the released data))", " (ParScale on the Pile (refit of the released data))"),
                labels.stream().map(label -> " " + label.getText().strip()).toList());
    }

    @Test
    void should_update_the_prediction_when_an_input_changes() {
        browser.get(url(ask("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?")));
        WebElement calculator = waitFor(".calculator[data-law='chinchilla-parametric-loss']");
        WebElement loss = calculator.findElement(By.cssSelector("[data-output='loss']"));
        String before = loss.getText();
        WebElement n = calculator.findElement(By.cssSelector("input[name='N']"));
        n.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1B");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !calculator.findElement(By.cssSelector("[data-output='loss']")).getText().equals(before));
        double after = Double.parseDouble(calculator.findElement(By.cssSelector("[data-output='loss']")).getText().split(" ")[0]);
        assertTrue(after > Double.parseDouble(before.split(" ")[0]), "a smaller model predicts a higher loss: " + before + " -> " + after);
        n.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-5");
        WebElement status = new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".calculator .calc-status.error")));
        assertTrue(status.getText().contains("N must be positive"), status.getText());
        assertEquals("true", n.getAttribute("aria-invalid"));
    }

    @Test
    void should_trace_a_claim_to_the_evidence_highlighted_inside_its_abstract() {
        Note note = TestAtlas.real().corpus().notes().stream()
                .filter(n -> n.papers().stream().anyMatch(p -> p.via() == null) && !n.relations().isEmpty()).findFirst().orElseThrow();
        browser.get(url("/note/" + note.id()));
        assertEquals(note.title(), waitFor(".trace h1").getText());
        List<WebElement> marks = browser.findElements(By.cssSelector(".abstract mark.evidence"));
        assertFalse(marks.isEmpty());
        List<String> evidence = note.papers().stream().flatMap(p -> p.evidence().stream()).toList();
        for (WebElement mark : marks) {
            assertTrue(evidence.contains(mark.getText()), "highlighted text is the note's evidence: " + mark.getText());
        }
        assertFalse(browser.findElements(By.cssSelector(".graph-view a.graph-link")).isEmpty(), "the neighbourhood drawing links onwards");
        fullPage("trace");
    }

    @Test
    void should_open_a_trace_from_an_answers_source_and_come_back() {
        browser.get(url(ask("Does depth matter more than width for tiny language models?")));
        WebElement first = waitFor(".sources li.source h3 a");
        String title = first.getText();
        first.click();
        assertEquals(title, waitFor(".trace h1").getText());
        browser.navigate().back();
        waitFor(".verdict");
    }

    @Test
    void should_show_a_refusal_without_sources() {
        browser.get(url(ask("What is the best way to bake sourdough bread at home?")));
        WebElement verdict = waitFor(".verdict");
        assertEquals("refused", verdict.getAttribute("data-verdict"));
        assertTrue(verdict.getText().startsWith("Not covered by the corpus"), verdict.getText());
        assertTrue(browser.findElements(By.cssSelector(".sources")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector(".calculator")).isEmpty());
        screenshot("ask-refused");
    }

    @Test
    void should_run_every_page_under_the_content_security_policy_without_a_violation() {
        Note note = TestAtlas.real().corpus().notes().get(0);
        String paper = note.papers().get(0).paperId();
        browser.get(url("/"));
        ((JavascriptExecutor) browser).executeScript("console.error('console-probe')");
        assertTrue(browser.manage().logs().get(LogType.BROWSER).getAll().stream().anyMatch(e -> e.getMessage().contains("console-probe")),
                "the browser's console is read (so a violation would be seen)");
        for (String page : List.of("/", ask("How should a fixed compute budget be split between parameters and tokens?"), "/browse",
                "/note/" + note.id(), "/paper/" + paper, "/law/chinchilla-parametric-loss", "/plan?compute=5.76e23")) {
            browser.get(url(page));
            waitFor("main h1");
            List<String> messages = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
            assertEquals(List.of(), messages.stream().filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList(), page);
            assertEquals(List.of(), messages.stream().filter(m -> m.contains("404") || m.contains("Failed to load resource")).toList(),
                    page + " asks for no file the server lacks");
        }
    }

    @Test
    void should_keep_markup_in_corpus_text_as_text_on_every_page() throws IOException {
        String markup = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, TestAtlas.scratch("atlas-hostile-").resolve("corpus"));
        Path note = corpus.resolve("notes/does-more-sampling-always-help.md");
        Files.writeString(note, Files.readString(note).replace("  The fixture study reports", "  " + markup.replace("\"", "'") + " The fixture study reports"));
        Path paper = corpus.resolve("papers/sampling-ceiling-study.md");
        Files.writeString(paper, Files.readString(paper).replaceFirst("(?m)^title: (.*)$", "title: \"$1 " + markup.replace("\"", "\\\\\"") + "\""));
        Javalin hostile = AtlasServer.create(TestAtlas.open(corpus, TestAtlas.scratch("atlas-hostile-data-")).services()).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + hostile.port();
            for (String page : List.of("/note/does-more-sampling-always-help", "/paper/sampling-ceiling-study", "/browse",
                    ask("Does drawing more samples always solve more problems?"))) {
                browser.get(base + page);
                waitFor("main h1");
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("main")).getText().contains("window.pwned"));
                assertTrue(browser.findElements(By.cssSelector("main img, main script")).isEmpty(), page + ": no element made from corpus text");
                assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned"), page);
            }
            screenshot("hostile-corpus-text");
        } finally {
            hostile.stop();
        }
    }

    @Test
    void should_mark_a_paper_awaiting_a_note_on_its_page_and_where_an_answer_cites_it() throws IOException {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, TestAtlas.scratch("atlas-uncurated-").resolve("corpus"));
        Files.writeString(corpus.resolve("papers/scaling-laws-for-tabular-foundation-models.md"), """
                ---
                id: scaling-laws-for-tabular-foundation-models
                title: Scaling Laws for Tabular Foundation Models
                issued: 2025
                ---
                We train tabular transformers from 1M to 1B parameters and find that held-out loss falls as a power law in model size with an exponent of 0.21. Gains stop beyond 300M parameters on small tables.
                """);
        Javalin server = AtlasServer.create(TestAtlas.open(corpus, TestAtlas.scratch("atlas-uncurated-data-")).services()).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + server.port();
            browser.get(base + "/paper/scaling-laws-for-tabular-foundation-models");
            waitFor(".paper h1");
            assertTrue(waitFor(".paper .awaiting").getText().contains("no curated note yet"));
            assertTrue(browser.findElement(By.cssSelector(".paper .meta")).getText().contains("2025"), "a stated year is shown");
            browser.get(base + ask("Do tabular foundation models follow a power law in model size?"));
            WebElement source = waitFor(".sources .source");
            assertTrue(source.findElement(By.cssSelector(".mark")).getText().contains("the paper's own words"), source.getText());
            assertEquals(base + "/paper/scaling-laws-for-tabular-foundation-models",
                    source.findElement(By.cssSelector("h3 a")).getAttribute("href"), "it links to the paper, not to a note");
            screenshot("uncurated-paper-cited");
        } finally {
            server.stop();
        }
    }

    @Test
    void should_keep_markup_typed_into_the_question_as_text() {
        browser.get(url("/"));
        String markup = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script> scaling laws?";
        WebElement box = waitFor("#question");
        box.sendKeys(markup);
        box.sendKeys(Keys.ENTER);
        WebElement question = waitFor("h1.question");
        assertEquals(markup, question.getText());
        assertTrue(browser.findElements(By.cssSelector("main img, main script")).isEmpty(), "no element made from the question");
        assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned"));
    }

    @Test
    void should_run_a_law_on_its_page_and_fit_pasted_points() {
        browser.get(url("/law/chinchilla-parametric-loss"));
        waitFor(".law h1");
        assertTrue(browser.findElements(By.cssSelector("th .aliases")).stream().anyMatch(e -> e.getText().startsWith("asked for as: Epoch refit, Besiroglu, Epoch AI,")),
                "a constant set's aliases, the words that make an answer run it");
        assertTrue(browser.findElements(By.cssSelector("th .fitted-on")).stream().anyMatch(e -> e.getText().equals("fitted on: MassiveText")),
                "the data a set was fitted on");
        waitFor(".calculator svg.chart path.curve");
        assertTrue(browser.findElements(By.cssSelector(".calculator")).size() >= 2, "a prediction and an optimal allocation");
        StringBuilder csv = new StringBuilder("N,D,loss\n");
        for (double n : new double[] {1e8, 4e8, 1.6e9, 6.4e9}) {
            for (double d : new double[] {5e9, 2e10, 8e10}) {
                csv.append(n).append(',').append(d).append(',').append(1.69337 + 406.401 / Math.pow(n, 0.33917084) + 410.723 / Math.pow(d, 0.2849083)).append('\n');
            }
        }
        WebElement textarea = browser.findElement(By.id("fit-csv"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", textarea, csv.toString());
        browser.findElement(By.cssSelector("form.fit button")).click();
        WebElement alpha = new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fit-result [data-constant='alpha']")));
        assertEquals(0.339, Double.parseDouble(alpha.getText()), 0.01);
        fullPage("law");
    }

    @Test
    void should_browse_notes_by_axis_and_open_papers() {
        browser.get(url("/browse"));
        waitFor(".axis-group");
        List<String> axes = browser.findElements(By.cssSelector(".axis-group > summary")).stream()
                .map(summary -> summary.getText().replaceAll("\\s+\\d+$", "")).toList();
        assertEquals(axes.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), axes, "axes in alphabetical order");
        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys("chinchilla");
        long visible = browser.findElements(By.cssSelector(".note-item")).stream().filter(WebElement::isDisplayed).count();
        assertTrue(visible > 0 && visible < TestAtlas.real().corpus().notes().size(), "the filter narrows the list: " + visible);
        screenshot("browse");
        browser.get(url("/paper/scaling-laws-for-neural-language-models"));
        assertEquals("Scaling Laws for Neural Language Models", waitFor(".paper h1").getText());
        String meta = browser.findElement(By.cssSelector(".paper .meta")).getText();
        assertTrue(meta.contains("arXiv:2001.08361"), meta);
        assertTrue(meta.contains("2020-01 (from the arXiv identifier)"), "no date is stated; the id's year and month, said so: " + meta);
        screenshot("paper");
    }

    @Test
    void should_be_usable_from_the_keyboard_and_on_a_phone() {
        browser.get(url("/"));
        waitFor("#question");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("skip", focused.getAttribute("class"), "the first Tab reaches the skip link");
        assertNotEquals("none", focused.getCssValue("outline-style"), "focus is visible");
        Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url(ask("How many tokens should a 7B model see?")));
        waitFor(".calculator");
        long overflow = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow + " px");
        screenshot("ask-phone");
        browser.manage().window().setSize(laptop);
    }

    /** The lines of a downloaded file as it stands, none while it does not exist or cannot be read yet. */
    private static List<String> linesOf(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).lines().toList() : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void should_plan_a_run_sort_the_rows_plot_each_law_and_download_the_table() throws IOException {
        browser.get(url("/plan?compute=5.76e23"));
        waitFor(".plan-table tbody tr");
        List<WebElement> rows = browser.findElements(By.cssSelector(".plan-table tbody tr"));
        assertTrue(rows.size() >= 6, "a row per law and constant set: " + rows.size());
        assertEquals("5.76e23", browser.findElement(By.id("plan-compute")).getAttribute("value"), "the URL fills the form");
        assertTrue(rows.get(0).findElement(By.cssSelector("th a[href^='/law/']")).isDisplayed(), "the law links to its page");
        assertTrue(browser.findElement(By.cssSelector(".spread-ratio")).getText().endsWith("×"));
        assertFalse(browser.findElements(By.cssSelector(".spread-reasons li")).isEmpty(), "the spread says why");

        WebElement sortN = browser.findElement(By.cssSelector("button.sort[data-sort='nOpt']"));
        sortN.sendKeys(Keys.ENTER);
        assertEquals("ascending", sortN.findElement(By.xpath("..")).getAttribute("aria-sort"));
        List<Double> ascending = nOpts();
        assertEquals(ascending.stream().sorted().toList(), ascending, "sorted by N_opt, smallest first");
        sortN.click();
        List<Double> descending = nOpts();
        assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending, "then largest first");
        assertTrue(descending.get(0) > descending.get(descending.size() - 1));

        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector(".plan-plot svg.chart")).size() == 1);
        assertEquals(rows.size(), browser.findElements(By.cssSelector(".plan-plot svg.chart g.series")).size(), "one curve per row");
        for (WebElement series : browser.findElements(By.cssSelector(".plan-plot svg.chart g.series"))) {
            assertFalse(series.findElements(By.cssSelector("path.curve")).isEmpty(), series.getAttribute("data-series"));
        }
        assertEquals(1, browser.findElements(By.cssSelector(".plan-plot svg.chart line.vline")).size(), "the budget is marked");
        assertFalse(browser.findElements(By.cssSelector(".plan-plot svg.chart path.curve.out")).isEmpty(), "extrapolation is drawn dashed");
        assertEquals(Set.of("chinchilla-parametric-loss (epoch-refit)", "chinchilla-approach-1-allocation (table-3)"),
                browser.findElements(By.cssSelector(".plan-plot svg.chart path.area")).stream().map(a -> a.getAttribute("data-area")).collect(Collectors.toSet()),
                "the rows whose sources report an exponent interval are shaded, and only those");
        assertEquals(2, browser.findElements(By.cssSelector(".plan-table .band-range")).size(), "and their bands are in the table");

        Files.deleteIfExists(DOWNLOADS.resolve("plan-5.76e23.csv"));
        browser.findElement(By.cssSelector("a.csv-download")).click();
        Path csv = DOWNLOADS.resolve("plan-5.76e23.csv");
        // the browser may create the file before it has written it: wait for every line, not for the name
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> linesOf(csv).size() == rows.size() + 1);
        List<String> lines = linesOf(csv);
        assertTrue(lines.get(0).startsWith("law,name,constants,constants_label,provenance,compute,N_opt,N_opt_band_low,N_opt_band_high,D_opt"), lines.get(0));
        assertEquals(rows.size() + 1, lines.size(), "a header and a line per row");
        assertTrue(lines.get(1).contains(",\"Hoffmann et al. 2022, eq. 10 (rounded)\","), "a field with a comma is quoted: " + lines.get(1));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        fullPage("plan");
        Path docs = Path.of("docs/images");
        Files.createDirectories(docs);
        Files.copy(SHOTS.resolve("plan.png"), docs.resolve("plan.png"), StandardCopyOption.REPLACE_EXISTING);

        browser.get(url("/plan?targetLoss=1.947"));
        waitFor(".plan-table tbody tr");
        assertTrue(browser.findElement(By.cssSelector(".plan-results h2")).getText().startsWith("The least compute for a loss of 1.947 nats per token"));
        assertEquals(1, browser.findElements(By.cssSelector("button.sort[data-sort='compute']")).size(), "each row's compute is a column");
        assertTrue(browser.findElements(By.cssSelector(".plan-table tbody tr[data-row^='chinchilla-approach-1-allocation']")).isEmpty(),
                "a law that predicts no loss cannot plan for one");
        assertTrue(browser.findElements(By.cssSelector(".spread-reasons li")).stream().anyMatch(li -> li.getText().contains("predicts no loss")));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector(".plan-plot svg.chart")).size() == 1);
        assertTrue(browser.findElements(By.cssSelector(".plan-plot svg.chart line.vline")).isEmpty(), "no single budget to mark");
        assertEquals(browser.findElements(By.cssSelector(".plan-table tbody tr")).size(), browser.findElements(By.cssSelector(".plan-plot svg.chart circle.dot")).size(),
                "each row's own compute is a dot");

        browser.get(url("/plan?compute=lots"));
        WebElement error = waitFor(".plan-results .notice.error");
        assertTrue(error.getText().contains("'lots' is not a number"), error.getText());
        assertEquals("true", browser.findElement(By.id("plan-compute")).getAttribute("aria-invalid"));
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught")).toList();
        assertEquals(List.of(), violations);
    }

    private static List<Double> nOpts() {
        return browser.findElements(By.cssSelector(".plan-table tbody tr")).stream()
                .map(r -> Double.parseDouble(r.findElement(By.cssSelector("td[data-col='nOpt']")).getText().split("\\s")[0])).toList();
    }

    @Test
    void should_say_so_when_a_page_does_not_exist() {
        browser.get(url("/note/no-such-note"));
        assertTrue(waitFor(".notice.error").getText().contains("no-such-note"));
        assertEquals("Not found", browser.findElement(By.cssSelector("main h1")).getText(), "the page has a heading");
        browser.get(url("/no/such/page"));
        assertTrue(waitFor(".notice.error").getText().contains("There is no page at /no/such/page"));
        assertEquals("Not found", browser.findElement(By.cssSelector("main h1")).getText(), "a path the server does not know: the app, with a heading");
        assertTrue(browser.findElement(By.cssSelector("nav a[href='/plan']")).isDisplayed(), "and its menu");
    }
}
