package org.scalingatlas.ingest;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An arXiv API response (Atom 1.0): per {@code <entry>} the id ({@code http://arxiv.org/abs/2001.08361v1}),
 * title, summary (the abstract), published date and authors. DTDs and external entities are refused.
 */
final class ArxivAtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern ABS_URL = Pattern.compile("^https?://arxiv\\.org/abs/(.+?)(v\\d+)?$");

    private ArxivAtomFeed() {
    }

    static boolean looksLike(String text) {
        return text.stripLeading().startsWith("<");
    }

    static List<ListingEntry> parse(Path file, String text) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        String source = file.getFileName().toString();
        List<ListingEntry> entries = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new StringReader(text));
            xml.nextTag();
            if (!"feed".equals(xml.getLocalName()) || !ATOM.equals(xml.getNamespaceURI())) {
                throw new IngestException(file, xml.getLocation().getLineNumber(),
                        "unrecognised XML: expected an Atom <feed> (as the arXiv API returns), found <" + xml.getLocalName() + ">");
            }
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && isAtom(xml, "entry")) {
                    entries.add(entry(file, source, xml));
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new IngestException(file, line, "not well-formed XML: " + e.getMessage().replaceAll("(?s)^ParseError at \\[.*?]\\s*Message:\\s*", ""));
        } finally {
            close(xml);
        }
        return entries;
    }

    private static ListingEntry entry(Path file, String source, XMLStreamReader xml) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        String id = null;
        String title = null;
        String summary = null;
        String published = null;
        List<String> authors = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && isAtom(xml, "entry")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !ATOM.equals(xml.getNamespaceURI())) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "id" -> id = collapse(xml.getElementText());
                case "title" -> title = collapse(xml.getElementText());
                case "summary" -> summary = collapse(xml.getElementText());
                case "published" -> published = collapse(xml.getElementText());
                case "name" -> authors.add(collapse(xml.getElementText()));
                default -> { }
            }
        }
        if (id != null && id.contains("arxiv.org/api/errors")) {
            throw new IngestException(file, line, "the feed reports an arXiv API error: " + (summary == null ? id : summary));
        }
        if (title == null || title.isBlank()) {
            throw new IngestException(file, line, "<entry> without a <title>");
        }
        if (summary == null || summary.isBlank()) {
            throw new IngestException(file, line, "<entry> '" + title + "' has no <summary> (abstract)");
        }
        return new ListingEntry(source, line, LatexRepair.repair(title), LatexRepair.repair(summary),
                date(file, line, published), authors.isEmpty() ? null : authors.size(), authors, null, arxivId(id));
    }

    private static String arxivId(String id) {
        if (id == null) {
            return null;
        }
        Matcher m = ABS_URL.matcher(id);
        return m.matches() ? m.group(1) : null;
    }

    private static LocalDate date(Path file, int line, String published) {
        if (published == null || published.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(published).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(published);
            } catch (DateTimeParseException again) {
                throw new IngestException(file, line, "<published> '" + published + "' is not an ISO date-time");
            }
        }
    }

    private static boolean isAtom(XMLStreamReader xml, String name) {
        return name.equals(xml.getLocalName()) && ATOM.equals(xml.getNamespaceURI());
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing was written; the parse result or error already stands
            }
        }
    }
}
