package se.fragafacket.search;

import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;

/** Another analyzer's tokens passed through one more filter (folding, synonyms). */
final class FilteringAnalyzer extends AnalyzerWrapper {
    private final Analyzer delegate;
    private final UnaryOperator<TokenStream> filter;

    FilteringAnalyzer(Analyzer delegate, UnaryOperator<TokenStream> filter) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.delegate = delegate;
        this.filter = filter;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return delegate;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(), filter.apply(components.getTokenStream()));
    }
}
