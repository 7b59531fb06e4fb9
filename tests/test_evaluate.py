"""briefer eval: every system scored on the same tiny rows, without a real model."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from briefer.data import RankedSentence, SummarySentence
from briefer.embed import HashingEmbedder
from briefer.evaluate import (
    ABSTRACTIVE,
    EXTRACTIVE,
    LEAD,
    LEXRANK,
    MODEL,
    ORACLE,
    SYSTEMS,
    TRAINED,
    evaluate,
    in_order,
)
from briefer.summarize.length import cut_words

pytest.importorskip("rouge_score")
pytest.importorskip("sumy")

MULTINEWS_ROWS = [
    {
        "id": 1,
        "documents": [
            "A drone strike killed eight people in north waziristan on monday. The army said the "
            "target was a militant hideout. Residents said the dead included two children.",
            "Pakistan condemned the strike on monday. Officials said eight people died. The "
            "foreign ministry summoned the envoy.",
            "An unrelated text about football that a cleaning pass dropped.",
        ],
        "kept_doc_indices": [0, 1],
        "summary": "– A drone strike killed eight people in north waziristan on monday. "
        "Pakistan condemned the strike and summoned the envoy.",
    },
    {
        "id": 2,
        "documents": [
            "Floods hit the city of karachi after heavy rain. Hundreds of homes were damaged. "
            "Rescue teams worked through the night.",
            "Heavy rain flooded karachi on tuesday. Officials said hundreds of homes were damaged.",
        ],
        "kept_doc_indices": [],
        "summary": "– Heavy rain flooded karachi, damaging hundreds of homes.",
    },
]

NEUS_ROWS = [
    {
        "id": "val_0",
        "documents": [
            {
                "title": "Senate passes bill.",
                "text": "The Senate passed the bill on Friday. It now goes to the House.",
            },
            {
                "title": "Bill clears Senate.",
                "text": "Senators approved the measure 60 to 40 on Friday.",
            },
            {"title": "A win for Democrats.", "text": "Democrats hailed the vote as a victory."},
        ],
        "target_title": "Senate Passes Bill",
        "target_summary": "The Senate passed the bill 60 to 40 on Friday, sending it to the House.",
    }
]


class FakeFusion:
    """'Fuses' the best sentence verbatim, then invents a casualty figure."""

    name = "fake-fusion"
    model_id = "fake"

    def __init__(self) -> None:
        self.calls = 0

    def summarize(
        self, sentences: Sequence[RankedSentence], *, context: object, max_words: int
    ) -> tuple[SummarySentence, ...]:
        self.calls += 1
        best = sentences[0]
        return (
            SummarySentence(best.sentence.text.lower(), best.refs, origin="generated"),
            SummarySentence("forty people died in 1999.", best.refs, origin="generated"),
        )


def write_rows(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


WITHOUT_TRAINED = (MODEL, EXTRACTIVE, LEAD, LEXRANK)


def run(path: Path, **options: object):
    fake = FakeFusion()
    options.setdefault("systems", WITHOUT_TRAINED)
    report = evaluate(path, summarizer=fake, embedder=HashingEmbedder(), **options)
    return report, fake


def test_all_systems_are_scored_on_the_same_examples(tmp_path: Path) -> None:
    report, fake = run(write_rows(tmp_path, MULTINEWS_ROWS))
    assert report.examples == 2 and fake.calls == 2
    assert [s.system for s in report.scores] == [MODEL, EXTRACTIVE, LEAD, LEXRANK]
    assert report.max_words == 230
    for score in report.scores:
        assert 0 < score.rouge1 <= 100 and 0 <= score.rouge2 <= score.rouge1


def test_invented_figures_are_replaced_so_numbers_stay_in_the_sources(tmp_path: Path) -> None:
    report, _ = run(write_rows(tmp_path, MULTINEWS_ROWS))
    model = report.scores[0]
    assert model.guard_kept == 0.5  # the verbatim sentence kept, the invented one replaced
    assert model.numbers_in_sources in (None, 1.0)


def test_neus_rows_use_their_own_length_and_target(tmp_path: Path) -> None:
    report, _ = run(write_rows(tmp_path, NEUS_ROWS), systems=(LEAD, LEXRANK))
    assert report.examples == 1 and report.max_words == 66
    lead = report.scores[0]
    assert lead.rouge1 > 30 and lead.words <= 66
    assert lead.numbers_in_sources == 1.0


def test_outputs_are_cut_to_the_word_budget(tmp_path: Path) -> None:
    report, _ = run(write_rows(tmp_path, MULTINEWS_ROWS), max_words=12, limit=1)
    assert report.examples == 1
    by_system = {s.system: s.words for s in report.scores}
    # the first row has 39 words: every system fills the budget, none stops a sentence short
    assert by_system[EXTRACTIVE] == by_system[LEAD] == by_system[LEXRANK] == 12
    assert by_system[MODEL] <= 12


def test_markdown_and_json_carry_every_system(tmp_path: Path) -> None:
    report, _ = run(write_rows(tmp_path, MULTINEWS_ROWS), limit=1)
    table = report.to_markdown()
    assert "| briefer abstractive |" in table and "| LexRank |" in table and "1 examples" in table
    data = json.loads(report.to_json())
    assert [s["system"] for s in data["scores"]] == [MODEL, EXTRACTIVE, LEAD, LEXRANK]


def test_cut_words_cuts_the_last_sentence() -> None:
    assert cut_words(["one two three", "four five six"], 4) == ["one two three", "four"]


def test_unknown_system_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown systems"):
        evaluate(write_rows(tmp_path, NEUS_ROWS), systems=("GPT",), embedder=HashingEmbedder())


def test_partial_reports_come_after_each_example(tmp_path: Path) -> None:
    seen: list[int] = []
    fake = FakeFusion()

    def on_example(n: int, partial) -> None:
        seen.append(partial().examples)

    report = evaluate(
        write_rows(tmp_path, MULTINEWS_ROWS),
        summarizer=fake,
        embedder=HashingEmbedder(),
        on_example=on_example,
        systems=WITHOUT_TRAINED,
    )
    assert seen == [1, 2]
    assert any("support of the 4 generated sentences" in note for note in report.notes)


def test_eval_command_passes_full_vocab_on(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    import briefer.evaluate
    from briefer.cli import app

    seen: list[bool] = []

    def fake_evaluate(data, **options):
        seen.append(options["shortlist"])
        return run(Path(data), limit=1)[0]

    monkeypatch.setattr(briefer.evaluate, "evaluate", fake_evaluate)
    rows = write_rows(tmp_path, MULTINEWS_ROWS)
    for flags in ([], ["--full-vocab"]):
        result = CliRunner().invoke(app, ["eval", "--data", str(rows), *flags])
        assert result.exit_code == 0, result.output
        assert "| LexRank |" in result.output
    assert seen == [True, False]


def test_eval_without_a_shipped_model_or_model_option_is_one_line(
    tmp_path: Path, monkeypatch
) -> None:
    from typer.testing import CliRunner

    from briefer.cli import app

    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    rows = write_rows(tmp_path, MULTINEWS_ROWS)  # conftest: this installation has no model
    result = CliRunner().invoke(app, ["eval", "--data", str(rows), "--quiet"])
    assert result.exit_code == 2, (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--model" in lines[0] and "no shipped model" in lines[0]


def test_eval_max_words_out_of_range_is_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefer.cli import app

    rows = write_rows(tmp_path, MULTINEWS_ROWS)
    result = CliRunner().invoke(app, ["eval", "--data", str(rows), "--max-words", "10" * 12])
    assert result.exit_code == 2, (result.output, result.exception)
    assert "--max-words" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_every_system_in_one_run_with_a_tiny_trained_model(tmp_path: Path) -> None:
    from test_trained import tiny_weights

    from briefer.summarize.trained import TrainedSummarizer

    trained = TrainedSummarizer("tiny", weights=tiny_weights())
    report = evaluate(
        write_rows(tmp_path, MULTINEWS_ROWS),
        summarizer=FakeFusion(),
        trained=trained,
        embedder=HashingEmbedder(),
        max_words=20,
        abstractive_limit=1,
    )
    scores = {s.system: s for s in report.scores}
    assert list(scores) == list(SYSTEMS)
    assert scores[ABSTRACTIVE].examples == 1 and scores[TRAINED].examples == 2
    for name in (TRAINED, EXTRACTIVE, LEAD, LEXRANK, ORACLE):
        assert scores[name].in_order == 1.0, name
        assert scores[name].words <= 20
    assert scores[ORACLE].rouge2 >= max(s.rouge2 for s in report.scores)
    assert "| greedy oracle |" in report.to_markdown()


def test_in_order_means_the_source_words_in_their_order() -> None:
    source = [["the", "army", "said", "on", "monday", "12", "people", "died"]]
    assert in_order("The army said 12 people died.", source)
    assert not in_order("12 people died, the army said.", source)
    assert not in_order("The army said 13 people died.", source)


def test_eval_systems_option_picks_and_refuses(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from briefer.cli import app

    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    rows = write_rows(tmp_path, MULTINEWS_ROWS)
    result = CliRunner().invoke(app, ["eval", "--data", str(rows), "--systems", "lead,oracle"])
    assert result.exit_code == 0, result.output
    assert "| Lead |" in result.output and "| greedy oracle |" in result.output
    assert "LexRank" not in result.output
    result = CliRunner().invoke(app, ["eval", "--data", str(rows), "--systems", "gpt"])
    assert result.exit_code == 2 and "--systems" in result.stderr


def test_a_cached_preparation_gives_the_same_scores_and_counts_its_seconds(
    tmp_path: Path, monkeypatch
) -> None:

    rows = write_rows(tmp_path, MULTINEWS_ROWS)
    first = evaluate(
        rows, systems=(EXTRACTIVE, LEAD), embedder=HashingEmbedder(), cache_dir=tmp_path / "c"
    )
    assert len(list((tmp_path / "c").glob("*.pkl"))) == 2

    def no_prepare(*args, **kwargs):
        raise AssertionError("prepared again")

    monkeypatch.setattr("briefer.prepare.prepare", no_prepare)
    again = evaluate(
        rows, systems=(EXTRACTIVE, LEAD), embedder=HashingEmbedder(), cache_dir=tmp_path / "c"
    )
    assert [s.rouge2 for s in again.scores] == [s.rouge2 for s in first.scores]
    assert again.scores[0].seconds >= 0.5 * first.scores[0].seconds
