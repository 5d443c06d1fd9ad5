package se.fragafacket.ingest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import se.fragafacket.search.KnowledgeIndex;

/** UP once the knowledge base is indexed and holds something to answer from; reads two counters, no search. */
@Component("knowledge")
class KnowledgeHealth implements HealthIndicator {

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeIndex index;

    KnowledgeHealth(KnowledgeBase knowledgeBase, KnowledgeIndex index) {
        this.knowledgeBase = knowledgeBase;
        this.index = index;
    }

    @Override
    public Health health() {
        if (!knowledgeBase.isReady()) {
            return Health.down().withDetail("reason", "the knowledge base is being indexed").build();
        }
        int documents = index.documentCount(); // kept by the index at each commit: constant cost at any size
        if (documents == 0) {
            return Health.down().withDetail("reason", "no readable documents in " + knowledgeBase.folder()).build();
        }
        return Health.up().withDetail("documents", documents).build();
    }
}
