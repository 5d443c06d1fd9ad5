package se.fragafacket.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a synthetic knowledge base of about a given number of passages, recombined from the seed documents
 * in {@code knowledge/} (which are copied in as they are, so the public questions keep their documents):
 * documents of a district and topic, with headings, paragraphs, bullet lists, people's names, phone numbers,
 * dates and counts; districts that contradict each other (one says nine districts, another seven); and a
 * vocabulary that grows with the size (compounds made of seed words, new place and family names), so the
 * index's term dictionary grows the way a real organisation's does. Deterministic for a given size.
 */
final class SyntheticKnowledge {

    private static final String[] FIRST = {"Anna", "Per", "Karin", "Lars", "Maria", "Erik", "Ingrid", "Johan",
            "Sara", "Ola", "Kari", "Nils", "Eva", "Mats", "Liv", "Jonas", "Sofia", "Anders", "Hilde", "Björn"};
    private static final String[] LAST = {"Nilsson", "Ek", "Berg", "Lund", "Holm", "Strand", "Dahl", "Sandberg",
            "Lie", "Haugen", "Moen", "Bakke", "Wik", "Sjöberg", "Forsberg", "Lindqvist"};
    private static final String[] PLACE_START = {"Väst", "Öst", "Norr", "Söder", "Mellan", "Berg", "Sjö", "Skog",
            "Dal", "Ås", "Fjord", "Strand", "Lind", "Björk", "Ek", "Hav", "Älv", "Myr"};
    private static final String[] PLACE_END = {"land", "bygden", "dalen", "sund", "vik", "holm", "näs", "berga",
            "fors", "hamn", "stad", "by", "sjö", "åsen"};
    private static final String[] TOPICS = {"Verksamhetsplan", "Om oss", "Styrelsens uppdrag", "Studieplan",
            "Årsberättelse", "Handlingsplan", "Medlemsinformation", "Kontakt och organisation"};
    private static final String[] HEADINGS = {"Inledning", "Arbetsmarknad", "Lokal verksamhet", "Facklig utbildning",
            "Ung", "Skola", "Opinionsbildning", "Organisering", "Internationellt", "Kontakt", "Styrelse", "Ekonomi",
            "Mål för året", "Arbetsmiljö", "Valarbete", "Medlemsrekrytering"};
    private static final String[] EXTENSIONS = {"md", "md", "md", "md", "md", "md", "txt", "txt", "html", "html"};

    private final List<String> sentences = new ArrayList<>();
    private final List<String> words = new ArrayList<>();

    SyntheticKnowledge(Path seed) throws IOException {
        Set<String> vocabulary = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(seed)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String text = line.replaceFirst("^[-#*\\s]+", "").trim();
                    for (String sentence : text.split("(?<=[.!?])\\s+")) {
                        if (sentence.length() >= 40 && sentence.length() <= 400 && !sentence.contains("....")) {
                            sentences.add(sentence);
                        }
                    }
                    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                        if (word.length() >= 5) {
                            vocabulary.add(word);
                        }
                    }
                }
            }
        }
        words.addAll(vocabulary);
    }

    /** Writes documents into {@code folder} until about {@code passages} passages; returns the files written. */
    int write(Path folder, int passages, Path seed) throws IOException {
        Files.createDirectories(folder);
        int files = 0;
        try (Stream<Path> seeds = Files.list(seed)) {
            for (Path file : seeds.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
                files++;
            }
        }
        Random random = new Random(passages);
        int written = 60; // about what the seed documents make
        for (int doc = 0; written < passages; doc++) {
            // new places and words keep coming as the knowledge base grows
            String district = place(random, doc);
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            int year = 2019 + random.nextInt(7);
            int sections = 6 + random.nextInt(9);
            String extension = EXTENSIONS[random.nextInt(EXTENSIONS.length)];
            StringBuilder md = new StringBuilder();
            String title = topic + " " + year + " – LO " + district;
            md.append("# ").append(title).append("\n\n");
            for (int s = 0; s < sections && written < passages; s++, written++) {
                md.append("## ").append(heading(random, doc)).append("\n\n");
                md.append(paragraph(random, district, doc)).append("\n\n");
                if (random.nextInt(3) == 0) {
                    int items = 2 + random.nextInt(4);
                    for (int i = 0; i < items; i++) {
                        md.append("- ").append(item(random, doc)).append('\n');
                    }
                    md.append('\n');
                }
                if (random.nextInt(4) == 0) {
                    md.append(contact(random, district)).append("\n\n");
                }
            }
            String name = String.format(Locale.ROOT, "%s-%s-%d-%05d", slug(topic), slug(district), year, doc);
            Files.writeString(folder.resolve(name + "." + extension),
                    "html".equals(extension) ? html(title, md.toString()) : "txt".equals(extension)
                            ? md.toString().replaceAll("(?m)^#+ ", "") : md.toString(), StandardCharsets.UTF_8);
            files++;
        }
        return files;
    }

    private String place(Random random, int doc) {
        // about one new district every 40 documents: the vocabulary of names grows with the size
        int id = random.nextInt(1 + doc / 40 + 3);
        return PLACE_START[id % PLACE_START.length] + PLACE_END[(id / PLACE_START.length) % PLACE_END.length]
                + (id >= PLACE_START.length * PLACE_END.length ? " " + (id / (PLACE_START.length * PLACE_END.length)) : "");
    }

    private String heading(Random random, int doc) {
        return random.nextInt(3) == 0
                ? capitalise(compound(random, doc))
                : HEADINGS[random.nextInt(HEADINGS.length)];
    }

    /** A compound of two seed words; the pool of combinations used widens with the document number. */
    private String compound(Random random, int doc) {
        int pool = Math.min(words.size(), 20 + (int) Math.sqrt(doc) * 4);
        String first = words.get(random.nextInt(pool));
        String second = words.get(random.nextInt(pool));
        return first.substring(0, Math.min(first.length(), 4 + random.nextInt(4))) + second;
    }

    private String paragraph(Random random, String district, int doc) {
        StringBuilder out = new StringBuilder();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String sentence = sentences.get(random.nextInt(sentences.size()))
                    .replaceAll("(Mellansverige|Västsverige|Vestoppland)", district)
                    .replaceAll("\\b(\\d{1,3})\\b", String.valueOf(1 + random.nextInt(40)));
            if (random.nextInt(4) == 0) {
                sentence = sentence.replaceFirst("\\b(arbete|verksamhet|utbildning|medlemmar)\\b",
                        compound(random, doc));
            }
            out.append(sentence).append(' ');
        }
        if (random.nextInt(5) == 0) {
            // districts that disagree: the count differs from the seed's nine
            out.append("I dag finns det ").append(5 + random.nextInt(8)).append(" LO-distrikt enligt LO ")
                    .append(district).append('.');
        }
        return out.toString().trim();
    }

    private String item(Random random, int doc) {
        return capitalise(compound(random, doc)) + " för " + words.get(random.nextInt(words.size()))
                + (random.nextBoolean() ? " den " + (1 + random.nextInt(28)) + " " + month(random) : "");
    }

    private String contact(Random random, String district) {
        String person = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        return "Kontaktperson i LO " + district + " är " + person + ", telefon 0" + (10 + random.nextInt(89))
                + "-" + (100 + random.nextInt(900)) + " " + (10 + random.nextInt(90)) + " " + (10 + random.nextInt(90)) + ".";
    }

    private static String month(Random random) {
        return new String[]{"januari", "februari", "mars", "april", "maj", "juni", "augusti", "september",
                "oktober", "november"}[random.nextInt(10)];
    }

    private static String html(String title, String markdown) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body><nav><a href=\"/\">Start</a></nav><main>\n");
        boolean list = false;
        for (String line : markdown.split("\n")) {
            if (list && !line.startsWith("- ")) {
                out.append("</ul>\n");
                list = false;
            }
            if (line.startsWith("## ")) {
                out.append("<h2>").append(escape(line.substring(3))).append("</h2>\n");
            } else if (line.startsWith("# ")) {
                out.append("<h1>").append(escape(line.substring(2))).append("</h1>\n");
            } else if (line.startsWith("- ")) {
                if (!list) {
                    out.append("<ul>\n");
                    list = true;
                }
                out.append("<li>").append(escape(line.substring(2))).append("</li>\n");
            } else if (!line.isBlank()) {
                out.append("<p>").append(escape(line)).append("</p>\n");
            }
        }
        if (list) {
            out.append("</ul>\n");
        }
        return out.append("</main><footer>LO</footer></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replace('å', 'a').replace('ä', 'a').replace('ö', 'o')
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
