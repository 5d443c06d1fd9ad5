package se.fragafacket.answer.extract;

import java.util.List;

import se.fragafacket.search.Passage;

/**
 * One sentence or list item that could answer, where it stands: its passage (with heading path and
 * document), the passage's retrieval rank, and its neighbours.
 */
public record Candidate(Passage passage, int rank, List<Unit> units, int index) {

    public Unit unit() {
        return units.get(index);
    }

    public String ownHeading() {
        String[] path = passage.headingPath().split(se.fragafacket.search.ChunkRecord.HEADING_SEPARATOR);
        return path[path.length - 1];
    }
}
