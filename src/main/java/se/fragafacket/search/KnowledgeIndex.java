package se.fragafacket.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of the knowledge base: the process's one {@link IndexWriter} and one
 * {@link SearcherManager}. Each document is stored as one entry describing it plus one entry per passage,
 * all replaced together, so a search never sees half a document.
 */
public final class KnowledgeIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);

    // Fields, and why each is there:
    private static final String TYPE = "type";          // "doc" for a document's description, "chunk" for a passage
    private static final String DOC = "doc";            // documentId, the key for replace and delete
    private static final String LANG = "lang";          // the document's language code
    private static final String TITLE = "title";        // stored for display
    private static final String FILE = "file";          // stored: the file name in the knowledge folder
    private static final String HASH = "hash";          // stored: content hash, to skip unchanged files on start
    private static final String FORMAT = "format";      // stored: analysis/embedding version the entry was made with
    private static final String UPDATED = "updated";    // stored: file modification time, epoch millis
    private static final String CHUNKS = "chunks";      // stored: number of passages
    private static final String ORDINAL = "ordinal";    // stored: passage position in its document
    private static final String HEADING_PATH = "path";  // stored: heading path for display
    private static final String TEXT = "text";          // stored: passage text as shown and quoted
    private static final String BODY = "body_";         // + language: stemmed passage text, searched
    private static final String HEADING = "heading_";   // + language: stemmed heading path, searched with a boost
    private static final String LEMMA = "lemma_";       // + language: stems of each word's dictionary lemma and compound parts (Hunspell)
    private static final String ABOUT = "about";        // title, file name and whom the document speaks for, stemmed in every language, on each passage
    // (new names in format 8, where they lost their positions: Lucene does not let a field's options change)
    private static final String EXACT = "word";         // unstemmed words as written: names, numbers
    private static final String FOLDED = "word_folded"; // those words without å/ä/ö/æ/ø: what spelling correction matches
    private static final String VECTOR = "vector";      // dense embedding of heading path + text, when a model is set
    private static final String RECORD = "record";      // doc values of a document's description: read without touching passage texts

    /** Searched by single terms only (no phrase): frequencies and norms for scoring, no positions. */
    private static final org.apache.lucene.document.FieldType TERMS_ONLY = frozen(
            org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS, false);
    /** Only a vocabulary with document counts (spelling suggestions): no frequencies, positions or norms. */
    private static final org.apache.lucene.document.FieldType VOCABULARY_ONLY = frozen(
            org.apache.lucene.index.IndexOptions.DOCS, true);

    private static org.apache.lucene.document.FieldType frozen(org.apache.lucene.index.IndexOptions options,
                                                               boolean omitNorms) {
        var type = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(options);
        type.setOmitNorms(omitNorms);
        type.freeze();
        return type;
    }

    private static final String FORMAT_VERSION = "14"; // 14: what a document is about, on each passage, in one field for all languages and without å/ä/ö; 11: English possessives; 10: English passages without Snowball's English stop words; 9: lemma and compound-part field, whom a document speaks for
    /** Words of a question searched; each adds a few clauses per language and synonym. */
    private static final int MAX_WORDS = 32;

    static {
        // 32 words × 3 languages × synonyms × (body, heading, lemma) stay under this
        IndexSearcher.setMaxClauseCount(16_384);
    }
    /** A word written with a capital inside the question (not its first word): a name. */
    private static final Pattern CAPITALISED = Pattern.compile("(?<=[\\s(\"'«”-])(\\p{Lu}[\\p{L}\\d]*)");

    private final Analysis analysis;
    private final SynonymsExpansion synonyms;
    private final SearchProperties properties;
    private final EmbeddingModel embeddingModel;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Documents in the index as of the last commit: what the health check reports, without a search. */
    private volatile int documentCount;

    /**
     * A document as indexed, with what was known of its file then.
     *
     * @param format how it was indexed ({@link #format()} then)
     * @param stamp  what the knowledge base noted of its file (size, modification time), opaque here; empty if none
     */
    public record Entry(DocumentRecord record, String format, String stamp) {
    }
    private final Spelling spelling;
    private final Lexicon lexicon;
    private final String format;

    /** A word written in lower case, not the tail of a hyphenated one: a capitalised word is a name. */
    private static final Pattern LOWER_CASE_WORD = Pattern.compile("(?<![\\p{L}\\d-])\\p{Ll}\\p{L}*");

    /**
     * The heads of a text's compounds as the installed dictionaries split them, stemmed as the text's own words
     * are ("medlemsmöten om pension" → "möt"), so a question's "möte" is held by a sentence's "medlemsmöten".
     */
    public List<String> compoundHeads(String text, Language language) {
        if (!lexicon.has(language)) {
            return List.of();
        }
        List<String> heads = new ArrayList<>();
        Matcher words = LOWER_CASE_WORD.matcher(text);
        while (words.find()) {
            // a name's parts say nothing of what is asked: "Hyresgästföreningen" is no trade union
            String head = lexicon.head(words.group(), language);
            if (head != null) {
                heads.addAll(analysis.terms(head, language));
            }
        }
        return heads;
    }

    /**
     * The language a member's message is written in, from its function words and, where they do not tell, from
     * which general dictionary (Hunspell sv/nb, FreeDict's English) knows its words.
     */
    public Language detect(String text) {
        return Language.detect(text, (word, language) -> language == Language.EN ? synonyms.knowsEnglish(word)
                : lexicon.has(language) && lexicon.isWord(word, language));
    }

    public KnowledgeIndex(Path path, Analysis analysis, SynonymsExpansion synonyms, SearchProperties properties,
                          Optional<EmbeddingModel> embeddingModel) {
        this(path, analysis, synonyms, properties, embeddingModel, Lexicon.none(), true);
    }

    /**
     * @param lexicon  general dictionaries: spelling correction leaves their words alone
     * @param spelling whether {@link #respell} puts words right at all
     */
    public KnowledgeIndex(Path path, Analysis analysis, SynonymsExpansion synonyms, SearchProperties properties,
                          Optional<EmbeddingModel> embeddingModel, Lexicon lexicon, boolean spelling) {
        this.spelling = spelling ? new Spelling(analysis, lexicon, EXACT, FOLDED) : null;
        this.lexicon = lexicon;
        if (!lexicon.signature().isEmpty()) {
            log.info("Passages are indexed with Hunspell lemmas and compound parts for {}", lexicon.signature());
        } else {
            log.info("No Hunspell dictionary installed: passages are indexed without lemmas and compound parts "
                    + "(an index made with them is re-indexed without them)");
        }
        this.analysis = analysis;
        this.synonyms = synonyms;
        this.properties = properties;
        this.embeddingModel = embeddingModel.orElse(null);
        this.format = makeFormat();
        try {
            directory = FSDirectory.open(path);
            // every analysed field comes with its terms made (Analysis#indexPassage): the writer's analyzer analyses nothing
            var config = new IndexWriterConfig(analysis.exactAnalyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(32); // fewer, larger flushed segments while a large folder is ingested (default 16)
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
            documentCount = countDocuments();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the index at " + path, e);
        }
    }

    /**
     * Identifies how entries are made, including which Hunspell dictionaries gave lemmas; an entry made
     * otherwise is re-indexed on start (so an index made with dictionaries since removed is made again without).
     */
    public String format() {
        return format;
    }

    private String makeFormat() {
        String lemmas = lexicon.signature();
        return FORMAT_VERSION + (lemmas.isEmpty() ? "" : "+hunspell:" + lemmas)
                + (embeddingModel == null ? "" : "+" + embeddingModel.modelName());
    }

    /** Replaces a document and all its passages; visible to searches after {@link #commit()}. */
    public void replace(DocumentRecord document, List<ChunkRecord> chunks) throws IOException {
        replace(document, chunks, "");
    }

    /**
     * Replaces a document and all its passages, noting {@code stamp} of its file (see {@link #entries()});
     * visible to searches after {@link #commit()}. Safe to call from several threads at once.
     */
    public void replace(DocumentRecord document, List<ChunkRecord> chunks, String stamp) throws IOException {
        String lang = document.language().code();
        List<Document> entries = new ArrayList<>();
        // the description lives in doc values only: listing documents never decompresses stored passage text
        Document meta = new Document();
        meta.add(new StringField(TYPE, "doc", Field.Store.NO));
        meta.add(new StringField(DOC, document.documentId(), Field.Store.NO));
        meta.add(new BinaryDocValuesField(RECORD, encode(new Entry(document.withChunks(chunks.size()), format(), stamp))));
        entries.add(meta);
        List<float[]> vectors = embed(chunks);
        // whom and what the document is about, which a passage seldom repeats ("LO i Vestoppland"): a name asked
        // finds its documents' passages by it
        DocumentMetadata speaks = document.metadata();
        String title = document.displayTitle();
        String aboutText = String.join("\n", document.documentId().replace('-', ' ').replace('_', ' '),
                title, java.util.Objects.toString(speaks.organisation(), ""),
                java.util.Objects.toString(speaks.district(), ""), java.util.Objects.toString(speaks.region(), ""));
        // one field for all languages, so a name's rarity is counted among all passages; stemmed as each language
        // would stem it, so a question in any language finds it
        Set<String> aboutTerms = new LinkedHashSet<>();
        for (Language each : Language.values()) {
            List<String> terms = analysis.terms(aboutText, each);
            aboutTerms.addAll(terms);
            // without å/ä/ö/æ/ø too, as file names write them ("lo-distriktet-skane")
            terms.forEach(term -> aboutTerms.add(Spelling.fold(term)));
        }
        Analysis.Tokens about = Analysis.Tokens.inSequence(aboutTerms);
        for (int i = 0; i < chunks.size(); i++) {
            ChunkRecord chunk = chunks.get(i);
            Document entry = new Document();
            entry.add(new StringField(TYPE, "chunk", Field.Store.NO));
            entry.add(new StringField(DOC, document.documentId(), Field.Store.YES));
            entry.add(new StoredField(LANG, lang));
            entry.add(new StoredField(TITLE, title)); // as members see it
            entry.add(new StoredField(ORDINAL, i));
            entry.add(new StoredField(HEADING_PATH, chunk.headingPath()));
            entry.add(new StoredField(TEXT, chunk.text()));
            // the text is cut into words once; each field gets its terms from that one pass
            Analysis.IndexedPassage terms = analysis.indexPassage(chunk.headingPath(), chunk.text(),
                    document.language(), lexicon);
            entry.add(new Field(BODY + lang, terms.body().stream(), TextField.TYPE_NOT_STORED));
            entry.add(new Field(HEADING + lang, terms.heading().stream(), TextField.TYPE_NOT_STORED));
            if (terms.lemmas().terms().length > 0) {
                entry.add(new Field(LEMMA + lang, terms.lemmas().stream(), TERMS_ONLY));
            }
            entry.add(new Field(ABOUT, about.stream(), TextField.TYPE_NOT_STORED));
            entry.add(new Field(EXACT, terms.exact().stream(), TERMS_ONLY));
            entry.add(new Field(FOLDED, terms.folded().stream(), VOCABULARY_ONLY));
            if (vectors != null) {
                entry.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.COSINE));
            }
            entries.add(entry);
        }
        writer.updateDocuments(new Term(DOC, document.documentId()), entries);
    }

    /** Removes a document and its passages; visible to searches after {@link #commit()}. */
    public void delete(String documentId) throws IOException {
        writer.deleteDocuments(new Term(DOC, documentId));
    }

    /** Makes every change so far durable and visible to the next search. */
    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
        documentCount = countDocuments();
    }

    /** How many documents the index holds as of the last commit; costs nothing. */
    public int documentCount() {
        return documentCount;
    }

    private int countDocuments() {
        return withSearcher(searcher -> searcher.count(new TermQuery(new Term(TYPE, "doc"))));
    }

    /** Every document in the index, by documentId. */
    public List<DocumentRecord> documents() {
        List<DocumentRecord> out = new ArrayList<>(entries().values().stream().map(Entry::record).toList());
        out.sort(Comparator.comparing(DocumentRecord::documentId));
        return out;
    }

    /** Whom a document speaks for and when (staff's values over those read), or {@link DocumentMetadata#NONE}. */
    public DocumentMetadata metadata(String documentId) {
        return document(documentId).map(DocumentRecord::metadata).orElse(DocumentMetadata.NONE);
    }

    /** One document's record: a term lookup, its passages untouched. */
    public Optional<DocumentRecord> document(String documentId) {
        return withSearcher(searcher -> entries(searcher, new BooleanQuery.Builder()
                .add(new TermQuery(new Term(DOC, documentId)), Occur.FILTER)
                .add(new TermQuery(new Term(TYPE, "doc")), Occur.FILTER).build()))
                .stream().map(Entry::record).findFirst();
    }

    /** Every document with how it was indexed and what was noted of its file, by documentId, in one read. */
    public Map<String, Entry> entries() {
        return withSearcher(searcher -> {
            Map<String, Entry> out = new HashMap<>();
            for (Entry entry : entries(searcher, new TermQuery(new Term(TYPE, "doc")))) {
                out.put(entry.record().documentId(), entry);
            }
            return out;
        });
    }

    /** The format each indexed document was made with, by documentId. */
    public Map<String, String> formats() {
        Map<String, String> out = new HashMap<>();
        entries().forEach((id, entry) -> out.put(id, entry.format()));
        return out;
    }

    /** The descriptions among the entries a query matches, from doc values (stored fields for an older index). */
    private static List<Entry> entries(IndexSearcher searcher, Query query) throws IOException {
        List<Entry> out = new ArrayList<>();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            BinaryDocValues records = leaf.reader().getBinaryDocValues(RECORD);
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (records != null && records.advanceExact(doc)) {
                    out.add(decode(records.binaryValue()));
                } else {
                    // written before descriptions had doc values: read as then (once; the next sync rewrites it)
                    Document stored = leaf.reader().storedFields().document(doc);
                    out.add(new Entry(toRecord(stored), stored.get(FORMAT), ""));
                }
            }
        }
        return out;
    }

    private static BytesRef encode(Entry entry) {
        DocumentRecord record = entry.record();
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeString(record.documentId());
            out.writeString(record.fileName());
            out.writeString(record.title());
            out.writeString(record.language().code());
            out.writeString(record.contentHash());
            out.writeLong(record.updatedAt().toEpochMilli());
            out.writeVInt(record.chunks());
            out.writeString(entry.format());
            out.writeString(entry.stamp());
            write(out, record.read());
            write(out, record.override());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return new BytesRef(out.toArrayCopy());
    }

    private static Entry decode(BytesRef bytes) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        String documentId = in.readString();
        String fileName = in.readString();
        String title = in.readString();
        Language language = Language.fromCode(in.readString());
        String hash = in.readString();
        Instant updated = Instant.ofEpochMilli(in.readLong());
        int chunks = in.readVInt();
        String format = in.readString();
        String stamp = in.readString();
        if (in.eof()) { // written before records held metadata: re-indexed on start
            return new Entry(new DocumentRecord(documentId, fileName, title, language, hash, updated, chunks), format, stamp);
        }
        DocumentMetadata read = readMetadata(in);
        DocumentMetadata override = readMetadata(in);
        // one record made (a restart decodes every document's)
        return new Entry(new DocumentRecord(documentId, fileName, title, language, hash, updated, chunks, read, override),
                format, stamp);
    }

    private static void write(ByteBuffersDataOutput out, DocumentMetadata metadata) throws IOException {
        Map<String, String> texts = metadata.texts();
        for (String field : DocumentMetadata.FIELDS) {
            String value = texts.get(field);
            out.writeByte((byte) (value == null ? 0 : 1));
            if (value != null) {
                out.writeString(value);
            }
        }
    }

    private static DocumentMetadata readMetadata(ByteArrayDataInput in) throws IOException {
        Map<String, String> texts = null;
        for (String field : DocumentMetadata.FIELDS) {
            if (in.readByte() != 0) {
                if (texts == null) {
                    texts = new HashMap<>();
                }
                texts.put(field, in.readString());
            }
        }
        return texts == null ? DocumentMetadata.NONE : DocumentMetadata.of(texts);
    }

    /** A document's passages in document order. */
    public List<Passage> passages(String documentId) {
        return withSearcher(searcher -> {
            Query query = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(DOC, documentId)), Occur.FILTER)
                    .add(new TermQuery(new Term(TYPE, "chunk")), Occur.FILTER)
                    .build();
            List<Passage> out = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(query, Integer.MAX_VALUE).scoreDocs) {
                out.add(toPassage(stored.document(hit.doc), 0));
            }
            out.sort(Comparator.comparingInt(Passage::ordinal));
            return out;
        });
    }

    /**
     * Finds the passages that best answer a question.
     *
     * @param question the member's words
     * @param language the question's language
     * @param context  the earlier question when this may be a follow-up, else empty
     * @param focus    documents the conversation is about (the earlier answer's sources), preferred; may be empty
     * @param limit    how many passages to return
     */
    public Retrieval search(String question, Language language, String context, Set<String> focus, int limit) {
        return withSearcher(searcher -> {
            Keywords keywords = keywords(searcher, question, language, context, focus);
            Map<Language, List<TermGroup>> questionGroups = keywords.questionGroups();
            Map<Language, List<TermGroup>> contextGroups = keywords.contextGroups();
            ScoreDoc[] bm25 = searcher.search(keywords.query(), properties.candidates()).scoreDocs;
            ScoreDoc[] ranked = bm25;
            if (embeddingModel != null) {
                float[] vector = embeddingModel.embed(question + (context.isBlank() ? "" : "\n" + context))
                        .content().vector();
                ScoreDoc[] dense = searcher.search(
                        new KnnFloatVectorQuery(VECTOR, vector, properties.candidates()), properties.candidates()).scoreDocs;
                ranked = fuse(bm25, dense);
            }
            List<Passage> passages = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < Math.min(limit, ranked.length); i++) {
                passages.add(toPassage(stored.document(ranked[i].doc), ranked[i].score));
            }
            return new Retrieval(passages, questionGroups, contextGroups);
        });
    }

    /** The keyword query of a question and the ideas it was made of. */
    private record Keywords(Query query, Map<Language, List<TermGroup>> questionGroups,
                            Map<Language, List<TermGroup>> contextGroups) {
    }

    /** The keyword query {@link #search} runs for a question, as built (for tests of its shape). */
    Query keywordQuery(String question, Language language, String context, Set<String> focus) {
        return withSearcher(searcher -> keywords(searcher, question, language, context, focus).query());
    }

    private Keywords keywords(IndexSearcher searcher, String question, Language language, String context,
                              Set<String> focus) throws IOException {
        Map<Language, List<TermGroup>> questionGroups = groups(searcher, question, language);
        Language contextLanguage = context.isBlank() ? language : detect(context);
        Map<Language, List<TermGroup>> contextGroups = context.isBlank()
                ? Map.of() : groups(searcher, context, contextLanguage);
        IndexReader reader = searcher.getIndexReader();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Language target : Language.values()) {
            if (reader.getDocCount(BODY + target.code()) == 0) {
                continue; // no passage in that language: its fields would match nothing
            }
            // a question word's lemma, where the dictionary of the passages' language knows it
            Map<String, List<String>> lemmas = target == language
                    ? analysis.lemmaTerms(question, language, lexicon) : Map.of();
            for (TermGroup group : questionGroups.getOrDefault(target, List.of())) {
                if (searched(group, target, language, reader)) {
                    query.add(groupQuery(target, group, lemmas), Occur.SHOULD);
                }
            }
            Map<String, List<String>> contextLemmas = target == contextLanguage && !context.isBlank()
                    ? analysis.lemmaTerms(context, contextLanguage, lexicon) : Map.of();
            for (TermGroup group : contextGroups.getOrDefault(target, List.of())) {
                if (searched(group, target, contextLanguage, reader)) {
                    query.add(new BoostQuery(groupQuery(target, group, contextLemmas), properties.contextBoost()),
                            Occur.SHOULD);
                }
            }
        }
        // a name asked, in the question's own stems, finds the documents about it
        for (TermGroup group : questionGroups.getOrDefault(language, List.of())) {
            if (group.scope()) {
                query.add(aboutQuery(group), Occur.SHOULD);
            }
        }
        for (String word : analysis.exactTerms(question).stream().distinct().limit(MAX_WORDS).toList()) {
            query.add(new BoostQuery(new TermQuery(new Term(EXACT, word)), properties.exactBoost()), Occur.SHOULD);
        }
        BooleanQuery.Builder keyword = new BooleanQuery.Builder()
                .add(query.build(), Occur.MUST)
                .add(new TermQuery(new Term(TYPE, "chunk")), Occur.FILTER);
        for (String documentId : focus) {
            keyword.add(new BoostQuery(new TermQuery(new Term(DOC, documentId)), properties.focusBoost()), Occur.SHOULD);
        }
        return new Keywords(keyword.build(), questionGroups, contextGroups);
    }

    /**
     * The question with the words the knowledge base does not know put right against its vocabulary: å/ä/ö
     * restored, typos corrected (see {@link Spelling}); as written when spelling is off.
     */
    public String respell(String question, Language language) {
        if (spelling == null) {
            return question;
        }
        return withSearcher(searcher -> spelling.respell(question, language, searcher.getIndexReader()));
    }

    /** Reciprocal rank fusion: each list adds 1/(k + rank) for every passage it ranks. */
    private ScoreDoc[] fuse(ScoreDoc[]... rankings) {
        Map<Integer, Double> fused = new LinkedHashMap<>();
        for (ScoreDoc[] ranking : rankings) {
            for (int rank = 0; rank < ranking.length; rank++) {
                fused.merge(ranking[rank].doc, 1.0 / (properties.rrfK() + rank + 1), Double::sum);
            }
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .map(e -> new ScoreDoc(e.getKey(), e.getValue().floatValue()))
                .toArray(ScoreDoc[]::new);
    }

    /** Whether some passage holds every one of {@code terms} in {@code field}. */
    private static boolean holds(IndexReader reader, String field, List<String> terms) {
        try {
            for (String term : terms) {
                if (reader.docFreq(new Term(field, term)) == 0) {
                    return false;
                }
            }
            return !terms.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ideas of a question as each language's passages would hold them: every content stem on its own,
     * except where a synonym rule joins stems into one idea with its equivalents in other languages.
     * A phrase is written as its stems joined by a space; a passage holds it when it holds every stem.
     */
    private Map<Language, List<TermGroup>> groups(IndexSearcher searcher, String text, Language language)
            throws IOException {
        // a pasted paragraph is searched by its first words: enough to find it, bounded in query size
        List<String> stems = new ArrayList<>(new LinkedHashSet<>(analysis.queryTerms(text, language)))
                .stream().limit(MAX_WORDS).toList();
        Set<String> names = new HashSet<>();
        Matcher capitalised = CAPITALISED.matcher(text);
        while (capitalised.find()) {
            names.addAll(analysis.queryTerms(capitalised.group(1), language));
        }
        IndexReader reader = searcher.getIndexReader();
        List<Synonyms.Match> matches = properties.synonyms() ? new ArrayList<>(synonyms.matches(text, language,
                word -> holds(reader, EXACT, List.of(word)),
                word -> holds(reader, BODY + Language.SV.code(), analysis.terms(word, Language.SV))
                        || holds(reader, BODY + Language.NO.code(), analysis.terms(word, Language.NO))))
                : new ArrayList<>();
        // a general dictionary translates everyday words, never a name ("LO" is no lynx)
        matches.removeIf(m -> m.general() && m.coveredStems().stream().anyMatch(names::contains));
        // the longest phrase first: "ansvarig utgivare" is one idea, not "ansvarig" and "utgivare"
        matches.sort(Comparator.comparingInt((Synonyms.Match m) -> m.coveredStems().size()).reversed());
        Map<Language, List<TermGroup>> out = new EnumMap<>(Language.class);
        for (Language target : Language.values()) {
            String field = BODY + target.code();
            int docs = Math.max(1, reader.getDocCount(field));
            // each idea stands where its first word stands in the question, so neighbours can be told
            Map<String, Set<String>> ideaOf = new HashMap<>();
            Set<String> covered = new HashSet<>();
            Set<String> namedRings = new HashSet<>();
            Set<String> weak = new HashSet<>();
            for (Synonyms.Match match : matches) {
                if (!stems.containsAll(match.coveredStems())
                        || match.coveredStems().stream().anyMatch(covered::contains)) {
                    continue; // matched only through question words, or part of a longer phrase already
                }
                Set<String> alternatives = new LinkedHashSet<>();
                for (String word : match.words()) {
                    List<String> wordStems = analysis.terms(word, target);
                    // a short stem cut from a longer word of another language ("led" of Norwegian "leder") matches
                    // unrelated words; a short word kept whole ("län", "tel") is fine
                    if (!wordStems.isEmpty() && (wordStems.size() > 1 || wordStems.get(0).length() >= 4
                            || wordStems.get(0).length() >= word.length() - 1)) {
                        alternatives.add(String.join(" ", wordStems));
                    }
                }
                if (match.coveredStems().size() == 1) {
                    alternatives.addAll(match.coveredStems()); // a name spelled alike in every language
                }
                match.coveredStems().forEach(stem -> ideaOf.put(stem, alternatives));
                covered.addAll(match.coveredStems());
                if (match.name()) {
                    namedRings.addAll(match.coveredStems());
                }
                if (match.weak()) {
                    weak.addAll(match.coveredStems());
                }
            }
            List<Set<String>> ideas = new ArrayList<>();
            List<Boolean> scopes = new ArrayList<>();
            for (String stem : stems) {
                Set<String> idea = ideaOf.getOrDefault(stem, Set.of(stem));
                int index = ideas.indexOf(idea);
                // a capitalised word is a name unless a synonym rule knows it as something else ("May Day")
                boolean name = names.contains(stem) && (!covered.contains(stem) || namedRings.contains(stem));
                if (index < 0) {
                    ideas.add(idea);
                    scopes.add(name);
                } else if (name) {
                    scopes.set(index, true);
                }
            }
            List<TermGroup> groups = new ArrayList<>();
            for (int i = 0; i < ideas.size(); i++) {
                Set<String> alternatives = ideas.get(i);
                int df = 0;
                for (String alternative : alternatives) {
                    int phraseDf = Integer.MAX_VALUE;
                    for (String part : alternative.split(" ")) {
                        phraseDf = Math.min(phraseDf, reader.docFreq(new Term(field, part)));
                    }
                    df = Math.max(df, phraseDf);
                }
                double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
                // a word of another language that no synonym rule translates ("part" asked in English of a
                // Swedish passage) is kept, for names and numbers, but weighs half: it may be a false friend
                boolean foreign = target != language && alternatives.size() == 1 && !scopes.get(i)
                        && !alternatives.iterator().next().chars().allMatch(Character::isDigit);
                // a thesaurus' guess for a word the documents do not hold weighs half as well
                boolean guessed = alternatives.stream().anyMatch(weak::contains);
                // an English idea none of whose translations the passages hold may be a sense the dictionary gives
                // ("row" as "roddbåt") or a word it lacks, more often than an idea the documents do not hold
                boolean untranslated = df == 0 && Language.translatedBetween(target, language);
                groups.add(new TermGroup(Set.copyOf(alternatives), foreign || guessed || untranslated ? idf / 2 : idf,
                        scopes.get(i)));
            }
            out.put(target, groups);
        }
        return out;
    }

    /**
     * Whether an idea of a question in {@code asked} is searched in {@code target}'s fields: always in its own
     * language's, and between Swedish and Norwegian, which share most words of working life; between English and
     * either only as a synonym rule translates it, or as a name or number spelled alike everywhere — where the
     * knowledge base holds passages in the question's language at all (else every word is tried in the passages'
     * languages). An English word's stem in Swedish is mostly a false friend, and each such clause costs a walk of
     * that field's postings.
     */
    private static boolean searched(TermGroup group, Language target, Language asked, IndexReader reader)
            throws IOException {
        if (target == asked || group.scope() || group.alternatives().size() > 1) {
            return true;
        }
        if (!Language.translatedBetween(target, asked)) {
            return true; // "bemanningsgrupper", "ombudsman", "tariff" are both
        }
        String only = group.alternatives().iterator().next();
        return only.chars().allMatch(Character::isDigit) || reader.getDocCount(BODY + asked.code()) == 0;
    }

    /**
     * One idea of the question in one language's fields: each alternative's stem in the text and (boosted) the
     * heading, and in the lemma field, where a passage's inflected forms and compounds are held by their
     * dictionary lemma and parts — "medlem" finds "förbundsmedlemmar" — by a term, never by a prefix.
     *
     * @param lemmas the question word's own lemma stems by its stem, where they differ from it
     */
    private Query groupQuery(Language language, TermGroup group, Map<String, List<String>> lemmas) {
        BooleanQuery.Builder idea = new BooleanQuery.Builder();
        for (String alternative : group.alternatives()) {
            if (alternative.indexOf(' ') > 0) {
                idea.add(phrase(BODY + language.code(), alternative), Occur.SHOULD);
                idea.add(new BoostQuery(phrase(HEADING + language.code(), alternative), properties.headingBoost()),
                        Occur.SHOULD);
                continue;
            }
            idea.add(new TermQuery(new Term(BODY + language.code(), alternative)), Occur.SHOULD);
            idea.add(new BoostQuery(new TermQuery(new Term(HEADING + language.code(), alternative)),
                    properties.headingBoost()), Occur.SHOULD);
            if (lexicon.installed(language)) {
                Set<String> forms = new LinkedHashSet<>();
                forms.add(alternative);
                forms.addAll(lemmas.getOrDefault(alternative, List.of()));
                for (String form : forms) {
                    idea.add(new BoostQuery(new TermQuery(new Term(LEMMA + language.code(), form)),
                            properties.compoundBoost()), Occur.SHOULD);
                }
            }
        }
        return idea.build();
    }

    /** A name asked, in what documents are about: their title, file name and whom they speak for. */
    private Query aboutQuery(TermGroup group) {
        BooleanQuery.Builder about = new BooleanQuery.Builder();
        Set<String> spellings = new LinkedHashSet<>();
        for (String alternative : group.alternatives()) {
            spellings.add(alternative);
            spellings.add(Spelling.fold(alternative));
        }
        for (String spelling : spellings) {
            about.add(spelling.indexOf(' ') > 0 ? phrase(ABOUT, spelling)
                    : new TermQuery(new Term(ABOUT, spelling)), Occur.SHOULD);
        }
        return new BoostQuery(about.build(), properties.headingBoost());
    }

    /** The stems side by side (a removed stop word between them allowed). */
    private static Query phrase(String field, String stems) {
        return new PhraseQuery(1, field, stems.split(" "));
    }

    private List<float[]> embed(List<ChunkRecord> chunks) {
        if (embeddingModel == null || chunks.isEmpty()) {
            return null;
        }
        List<dev.langchain4j.data.segment.TextSegment> segments = chunks.stream()
                .map(c -> dev.langchain4j.data.segment.TextSegment.from(c.headingPath() + "\n" + c.text()))
                .toList();
        return embeddingModel.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    private static DocumentRecord toRecord(Document doc) {
        return new DocumentRecord(doc.get(DOC), doc.get(FILE), doc.get(TITLE), Language.fromCode(doc.get(LANG)),
                doc.get(HASH), Instant.ofEpochMilli(doc.getField(UPDATED).numericValue().longValue()),
                doc.getField(CHUNKS).numericValue().intValue());
    }

    private static Passage toPassage(Document doc, double score) {
        return new Passage(doc.get(DOC), doc.get(TITLE), doc.get(HEADING_PATH), doc.get(TEXT),
                Language.fromCode(doc.get(LANG)), doc.getField(ORDINAL).numericValue().intValue(), score);
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        log.info("Closing the index");
        searchers.close();
        writer.close();
        directory.close();
    }
}
