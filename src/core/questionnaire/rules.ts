import type { Issue, IssueCode, IssueSeverity } from "../diagnostics/issue.js";
import type { SourceFile, YamlPath } from "../diagnostics/source.js";
import { makeIssue } from "../diagnostics/source.js";
import { DEFAULT_HORIZON_MONTHS, horizonWeeks } from "../math/horizon.js";
import { nearest } from "../text/nearest.js";
import { placeholdersIn } from "../text/placeholders.js";
import { scaledWeeks } from "./profiles.js";
import { type Condition, type LocalizedText, PHASES, type Phase } from "./schema.js";
import type { Located, QuestionnaireTree } from "./tree.js";
import { missingPerceptionRoles } from "./types.js";

interface At {
  file: SourceFile;
  path: YamlPath;
  key?: boolean;
}

interface RuleContext {
  tree: QuestionnaireTree;
  levels: number[];
  report(code: IssueCode, at: At, message: string, severity?: IssueSeverity): void;
}

type Rule = (ctx: RuleContext) => void;

const at = (loc: Located<unknown>, ...rest: (string | number)[]): At => ({
  file: loc.file,
  path: [...loc.path, ...rest],
});

const quote = (s: string) => JSON.stringify(s);

/** The scale is exactly the levels 1..5 in order, since answers and Likert items use 1..5. */
const scaleIsOneToFive: Rule = ({ tree, report }) => {
  const scale = tree.root.value.scale;
  const found = scale.map((s) => s.level);
  const ok = found.length === 5 && found.every((l, i) => l === i + 1);
  if (!ok) {
    report(
      "invalid-scale",
      at(tree.root, "scale"),
      `expected the levels 1, 2, 3, 4, 5 in order; found ${found.length ? found.join(", ") : "none"}`,
    );
  }
};

function idRule(
  kind: string,
  collect: (tree: QuestionnaireTree) => Array<{ id: string; at: At }>,
): Rule {
  return ({ tree, report }) => {
    const first = new Map<string, At>();
    for (const item of collect(tree)) {
      const prev = first.get(item.id);
      if (prev) {
        const where = prev.file === item.at.file ? "" : ` in ${prev.file.display}`;
        const line = prev.file.locate(prev.path).start.line;
        report(
          "duplicate-id",
          { ...item.at, path: [...item.at.path, "id"] },
          `expected a unique ${kind} id; found ${quote(item.id)} already used at line ${line}${where}`,
        );
      } else first.set(item.id, item.at);
    }
  };
}

// Several rules walk the same lists: each is built once per tree (the rules only read them).
function perTree<T>(collect: (tree: QuestionnaireTree) => T): (tree: QuestionnaireTree) => T {
  const built = new WeakMap<QuestionnaireTree, T>();
  return (tree) => {
    let value = built.get(tree);
    if (value === undefined) {
      value = collect(tree);
      built.set(tree, value);
    }
    return value;
  };
}

const dimensionsOf = perTree((tree) => tree.dimensions.map((d) => ({ id: d.value.id, at: at(d) })));
const questionsOf = perTree((tree) =>
  tree.dimensions.flatMap((d) =>
    d.value.questions.map((q, i) => ({ id: q.id, at: at(d, "questions", i) })),
  ),
);
const risksOf = perTree((tree) => [
  ...tree.dimensions.flatMap((d) =>
    d.value.risks.map((r, i) => ({ id: r.id, risk: r, at: at(d, "risks", i) })),
  ),
  ...tree.root.value.risks.map((r, i) => ({ id: r.id, risk: r, at: at(tree.root, "risks", i) })),
]);
const recommendationsOf = perTree((tree) =>
  tree.dimensions.flatMap((d) =>
    d.value.recommendations.map((r, i) => ({
      id: r.id,
      rec: r,
      dimension: r.dimension ?? d.value.id,
      at: at(d, "recommendations", i),
    })),
  ),
);
const readinessOf = perTree((tree) =>
  tree.root.value.readiness.map((r, i) => ({
    id: r.id,
    rule: r,
    at: at(tree.root, "readiness", i),
  })),
);
/**
 * Every text of the methodology with where it sits, whether it may name `{dimensions}` (exit
 * criteria only), and the condition that keeps it (judgement sentences only).
 */
const methodologyOf = perTree((tree) => {
  const out: Array<{ text: LocalizedText; at: At; dimensions: boolean; when?: Condition }> = [];
  const m = tree.root.value.methodology;
  if (!m) return out;
  const r = tree.root;
  const add = (text: LocalizedText | undefined, loc: At, extra: Partial<(typeof out)[0]> = {}) => {
    if (text) out.push({ text, at: loc, dimensions: false, ...extra });
  };
  if (m.titles) {
    add(m.titles.report, at(r, "methodology", "titles", "report"));
    add(m.titles.roadmap, at(r, "methodology", "titles", "roadmap"));
  }
  m.judgement.forEach((p, i) => {
    p.sentences.forEach((s, j) => {
      const path = ["methodology", "judgement", i, "sentences", j];
      add(s.text, at(r, ...path, "text"), s.when ? { when: s.when } : {});
    });
  });
  for (const [i, p] of m.method.entries()) add(p, at(r, "methodology", "method", i));
  add(m.calibrationAdvice, at(r, "methodology", "calibrationAdvice"));
  for (const [i, p] of m.roadmap.intro.entries())
    add(p, at(r, "methodology", "roadmap", "intro", i));
  add(m.roadmap.cycle, at(r, "methodology", "roadmap", "cycle"));
  for (const [phase, pm] of Object.entries(m.roadmap.phases ?? {})) {
    add(pm.goal, at(r, "methodology", "roadmap", "phases", phase, "goal"));
    pm.exitCriteria.forEach((c, i) => {
      const loc = at(r, "methodology", "roadmap", "phases", phase, "exitCriteria", i);
      add(c, loc, { dimensions: true });
    });
  }
  add(m.kpis.intro, at(r, "methodology", "kpis", "intro"));
  for (const [i, p] of m.kpis.principles.entries()) {
    add(p, at(r, "methodology", "kpis", "principles", i));
  }
  m.kpis.standard.forEach((k, i) => {
    for (const f of ["name", "measure", "frequency"] as const) {
      add(k[f], at(r, "methodology", "kpis", "standard", i, f));
    }
  });
  return out;
});

const rolesOf = perTree((tree) =>
  tree.root.value.roles.map((r, i) => ({ id: r.id, at: at(tree.root, "roles", i) })),
);

const profilesOf = perTree((tree) =>
  tree.profiles.flatMap((set) => [
    ...set.value.industries.map((p, i) => ({ id: p.id, at: at(set, "industries", i) })),
    ...set.value.sizes.map((p, i) => ({ id: p.id, at: at(set, "sizes", i) })),
  ]),
);

const uniqueIds: Rule[] = [
  idRule("dimension", dimensionsOf),
  idRule("question", questionsOf),
  idRule("risk", risksOf),
  idRule("recommendation", recommendationsOf),
  idRule("readiness rule", readinessOf),
  idRule("role", rolesOf),
  idRule("profile", profilesOf),
];

const anchors: Rule = ({ tree, levels, report }) => {
  for (const d of tree.dimensions) {
    d.value.questions.forEach((q, i) => {
      const qa = at(d, "questions", i);
      const keys = Object.keys(q.levels ?? {});
      if (q.type === "likert") {
        if (keys.length) {
          report(
            "unexpected-anchor",
            { ...qa, path: [...qa.path, "levels"], key: true },
            `expected no level anchors on Likert question ${quote(q.id)} (it is answered by agreement); found ${keys.length}`,
          );
        }
        return;
      }
      if (q.reverse) {
        report(
          "invalid-value",
          { ...qa, path: [...qa.path, "reverse"], key: true },
          `expected \`reverse\` only on Likert questions; found it on level question ${quote(q.id)}`,
        );
      }
      const missing = levels.filter((l) => !keys.includes(String(l)));
      if (missing.length) {
        report(
          "missing-anchor",
          { ...qa, path: [...qa.path, q.levels ? "levels" : "id"], key: true },
          `expected an anchor for every scale level of question ${quote(q.id)}; found none for level ${missing.join(", ")}`,
        );
      }
      for (const k of keys) {
        if (!levels.includes(Number(k))) {
          report(
            "unexpected-anchor",
            { ...qa, path: [...qa.path, "levels", k], key: true },
            `expected anchors only for scale levels ${levels.join(", ")}; found level ${k}`,
          );
        }
      }
    });
  }
};

/**
 * Every localized text in the tree, with the file and path of what holds it and the rest of its
 * path: where it sits is put together only for a text a rule reports (`textAt`). A plain list
 * rather than a generator: this runs once per validation on cold code, where generators are
 * several times slower.
 */
interface TextEntry {
  text: LocalizedText;
  owner: At;
  rest: (string | number)[];
}

const textAt = (e: TextEntry): At => at(e.owner as Located<unknown>, ...e.rest);

function textsOf(tree: QuestionnaireTree): TextEntry[] {
  const out: TextEntry[] = [];
  const add = (text: LocalizedText | undefined, owner: At, rest: (string | number)[]) => {
    if (text) out.push({ text, owner, rest });
  };
  const r = tree.root;
  add(r.value.title, r, ["title"]);
  add(r.value.description, r, ["description"]);
  r.value.scale.forEach((s, i) => {
    add(s.name, r, ["scale", i, "name"]);
    add(s.description, r, ["scale", i, "description"]);
  });
  r.value.roles.forEach((role, i) => {
    add(role.name, r, ["roles", i, "name"]);
    add(role.description, r, ["roles", i, "description"]);
  });
  r.value.readiness.forEach((rule, i) => {
    add(rule.title, r, ["readiness", i, "title"]);
    add(rule.rationale, r, ["readiness", i, "rationale"]);
  });
  for (const risk of risksOf(tree)) {
    for (const f of ["title", "description", "mitigation"] as const)
      add(risk.risk[f], risk.at, [f]);
  }
  for (const m of methodologyOf(tree)) add(m.text, m.at, []);
  for (const set of tree.profiles) {
    for (const list of ["industries", "sizes"] as const) {
      set.value[list].forEach((p, i) => {
        add(p.name, set, [list, i, "name"]);
        add(p.description, set, [list, i, "description"]);
      });
    }
  }
  for (const d of tree.dimensions) {
    add(d.value.title, d, ["title"]);
    add(d.value.description, d, ["description"]);
    d.value.questions.forEach((q, i) => {
      add(q.text, d, ["questions", i, "text"]);
      add(q.help, d, ["questions", i, "help"]);
      add(q.evidence, d, ["questions", i, "evidence"]);
      if (q.levels) for (const k in q.levels) add(q.levels[k], d, ["questions", i, "levels", k]);
    });
    d.value.recommendations.forEach((rec, i) => {
      add(rec.title, d, ["recommendations", i, "title"]);
      add(rec.description, d, ["recommendations", i, "description"]);
      rec.actions.forEach((a, j) => {
        add(a, d, ["recommendations", i, "actions", j]);
      });
      rec.kpis.forEach((k, j) => {
        add(k, d, ["recommendations", i, "kpis", j]);
      });
    });
  }
  return out;
}

const IDEOGRAPH_SPACE = /[\u3400-\u9fff\uf900-\ufaff] +[\u3400-\u9fff\uf900-\ufaff]/;
const IDEOGRAPHIC_LANGUAGE = /^(zh|ja)\b/;

/**
 * Every text in every declared language, and no space between ideographs (folded YAML scalars turn
 * line breaks into spaces, which is wrong in Chinese or Japanese). One pass: the texts are many.
 */
const texts: Rule = ({ tree, report }) => {
  const langs = tree.root.value.languages;
  for (const entry of textsOf(tree)) {
    const { text } = entry;
    const missing: string[] = [];
    for (const l of langs) if (!text[l]) missing.push(l);
    if (missing.length) {
      report(
        "missing-translation",
        textAt(entry),
        `expected text in every declared language (${langs.join(", ")}); found none in ${missing.join(", ")}`,
      );
    }
    for (const lang in text) {
      const hit = IDEOGRAPHIC_LANGUAGE.test(lang) ? IDEOGRAPH_SPACE.exec(text[lang] ?? "") : null;
      if (hit) {
        const loc = textAt(entry);
        report(
          "stray-cjk-space",
          { ...loc, path: [...loc.path, lang] },
          `expected no space between ideographs in the ${lang} text; found ${JSON.stringify(hit[0])}`,
          "warning",
        );
      }
    }
  }
};

const weights: Rule = ({ tree, report }) => {
  for (const d of tree.dimensions) {
    if (!(d.value.weight > 0)) {
      report(
        "non-positive-weight",
        at(d, "weight"),
        `expected a weight above 0 for dimension ${quote(d.value.id)}; found ${d.value.weight}`,
      );
    }
    d.value.questions.forEach((q, i) => {
      if (!(q.weight > 0)) {
        report(
          "non-positive-weight",
          at(d, "questions", i, "weight"),
          `expected a weight above 0 for question ${quote(q.id)}; found ${q.weight}`,
        );
      }
    });
  }
};

const scaleBounds: Rule = ({ tree, levels, report }) => {
  const min = Math.min(...levels);
  const max = Math.max(...levels);
  const check = (value: number, loc: At, what: string) => {
    if (value < min || value > max) {
      report("out-of-scale", loc, `expected ${what} between ${min} and ${max}; found ${value}`);
    }
  };
  for (const d of tree.dimensions) check(d.value.target, at(d, "target"), "a target level");
  for (const r of recommendationsOf(tree)) {
    check(r.rec.appliesBelow, { ...r.at, path: [...r.at.path, "appliesBelow"] }, "`appliesBelow`");
  }
};

type RefKind = "dimension" | "question" | "risk" | "role" | "recommendation";

/** Walks a condition tree, yielding each leaf reference and each threshold with its path. */
function* conditionParts(
  cond: Condition,
  path: YamlPath,
): Generator<
  | { type: "ref"; kind: RefKind; id: string; path: YamlPath }
  | { type: "threshold"; value: number; path: YamlPath; score: boolean }
  | { type: "empty"; path: YamlPath; keys: string }
  | { type: "perception"; path: YamlPath }
> {
  if ("all" in cond) {
    for (const [i, c] of cond.all.entries()) yield* conditionParts(c, [...path, "all", i]);
  } else if ("any" in cond) {
    for (const [i, c] of cond.any.entries()) yield* conditionParts(c, [...path, "any", i]);
  } else if ("not" in cond) {
    yield* conditionParts(cond.not, [...path, "not"]);
  } else if ("dimension" in cond) {
    yield { type: "ref", kind: "dimension", id: cond.dimension, path: [...path, "dimension"] };
    if (cond.below === undefined && cond.atLeast === undefined) {
      yield { type: "empty", path, keys: "`below` or `atLeast`" };
    }
    for (const k of ["below", "atLeast"] as const) {
      const v = cond[k];
      if (v !== undefined) yield { type: "threshold", value: v, path: [...path, k], score: true };
    }
  } else if ("question" in cond) {
    yield { type: "ref", kind: "question", id: cond.question, path: [...path, "question"] };
    if (cond.atMost === undefined && cond.atLeast === undefined) {
      yield { type: "empty", path, keys: "`atMost` or `atLeast`" };
    }
    for (const k of ["atMost", "atLeast"] as const) {
      const v = cond[k];
      if (v !== undefined) yield { type: "threshold", value: v, path: [...path, k], score: true };
    }
  } else if ("overall" in cond) {
    if (cond.overall.below === undefined && cond.overall.atLeast === undefined) {
      yield { type: "empty", path: [...path, "overall"], keys: "`below` or `atLeast`" };
    }
    for (const k of ["below", "atLeast"] as const) {
      const v = cond.overall[k];
      if (v !== undefined) {
        yield { type: "threshold", value: v, path: [...path, "overall", k], score: true };
      }
    }
  } else if ("perceptionGap" in cond) {
    yield {
      type: "ref",
      kind: "dimension",
      id: cond.perceptionGap.dimension,
      path: [...path, "perceptionGap", "dimension"],
    };
    yield { type: "perception", path: [...path, "perceptionGap"] };
  } else if ("coverage" in cond) {
    if (cond.coverage.dimension) {
      yield {
        type: "ref",
        kind: "dimension",
        id: cond.coverage.dimension,
        path: [...path, "coverage", "dimension"],
      };
    }
  } else if ("risk" in cond) {
    yield { type: "ref", kind: "risk", id: cond.risk, path: [...path, "risk"] };
  }
}

const references: Rule = ({ tree, levels, report }) => {
  const known: Record<RefKind, Set<string>> = {
    dimension: new Set(dimensionsOf(tree).map((x) => x.id)),
    question: new Set(questionsOf(tree).map((x) => x.id)),
    risk: new Set(risksOf(tree).map((x) => x.id)),
    role: new Set(rolesOf(tree).map((x) => x.id)),
    recommendation: new Set(recommendationsOf(tree).map((x) => x.id)),
  };
  const ref = (kind: RefKind, id: string, loc: At) => {
    if (!known[kind].has(id)) {
      const hint = nearest(id, known[kind], 4);
      report(
        "unresolved-reference",
        loc,
        `expected the id of a ${kind} in this questionnaire; found ${quote(id)}${hint ? ` (did you mean ${quote(hint)}?)` : ""}`,
      );
    }
  };
  const min = Math.min(...levels);
  const max = Math.max(...levels);
  const missingRoles = missingPerceptionRoles(tree.root.value);
  const conditions = [
    ...risksOf(tree).map((r) => ({ cond: r.risk.when, at: r.at })),
    ...readinessOf(tree).map((r) => ({ cond: r.rule.when, at: r.at })),
    ...methodologyOf(tree).flatMap((m) =>
      m.when ? [{ cond: m.when, at: { ...m.at, path: m.at.path.slice(0, -1) } }] : [],
    ),
  ];
  for (const { cond, at: base } of conditions) {
    for (const part of conditionParts(cond, [...base.path, "when"])) {
      const loc = { file: base.file, path: part.path };
      if (part.type === "ref") ref(part.kind, part.id, loc);
      else if (part.type === "perception") {
        // A perception gap compares two fixed roles: without them the condition never holds.
        if (missingRoles.length > 0) {
          report(
            "unresolved-reference",
            loc,
            `expected the roles "executive" and "frontline" that answer, which a perception gap compares; found no ${missingRoles.map(quote).join(" or ")} among the questionnaire's roles (${tree.root.value.roles.map((r) => r.id).join(", ")}), so the condition can never hold`,
          );
        }
      } else if (part.type === "empty") {
        report("missing-field", loc, `expected ${part.keys} in the condition; found neither`);
      } else if (part.value < min || part.value > max) {
        report(
          "out-of-scale",
          loc,
          `expected a score threshold between ${min} and ${max}; found ${part.value}`,
        );
      }
    }
  }
  for (const m of methodologyOf(tree)) {
    for (const [lang, text] of Object.entries(m.text)) {
      const loc = { ...m.at, path: [...m.at.path, lang] };
      for (const name of placeholdersIn(text)) {
        const [kind, id] = name.split(":");
        if (id !== undefined && (kind === "title" || kind === "score" || kind === "level")) {
          ref("dimension", id, loc);
        } else if (name !== "client" && !(name === "dimensions" && m.dimensions)) {
          report(
            "unknown-placeholder",
            loc,
            `expected {client}, ${m.dimensions ? "{dimensions}, " : ""}{title:<dimension>}, {score:<dimension>} or {level:<dimension>}; found {${name}}`,
          );
        }
      }
    }
  }
  const owners = new Set(
    tree.root.value.roles.filter((r) => r.respondent === false).map((r) => r.id),
  );
  for (const d of tree.dimensions) {
    d.value.questions.forEach((q, i) => {
      q.roles?.forEach((role, j) => {
        const loc = at(d, "questions", i, "roles", j);
        ref("role", role, loc);
        // Nobody answers as such a role: the question would never be asked (nor a survey's item).
        if (owners.has(role)) {
          report(
            "unresolved-reference",
            loc,
            `expected a role that answers in the roles of question ${quote(q.id)}; found ${quote(role)}, which the questionnaire marks \`respondent: false\` (it owns roadmap actions but never answers)`,
          );
        }
      });
    });
  }
  tree.root.value.methodology?.kpis.standard.forEach((k, i) => {
    if (k.owner) ref("role", k.owner, at(tree.root, "methodology", "kpis", "standard", i, "owner"));
  });
  for (const r of readinessOf(tree)) {
    r.rule.firstPhase?.forEach((id, j) => {
      ref("recommendation", id, { ...r.at, path: [...r.at.path, "firstPhase", j] });
    });
  }
  for (const r of recommendationsOf(tree)) {
    const p = (...rest: (string | number)[]) => ({ ...r.at, path: [...r.at.path, ...rest] });
    if (r.rec.dimension) ref("dimension", r.rec.dimension, p("dimension"));
    ref("role", r.rec.owner, p("owner"));
    if (r.rec.raci) {
      ref("role", r.rec.raci.accountable, p("raci", "accountable"));
      for (const key of ["consulted", "informed"] as const) {
        r.rec.raci[key].forEach((role, j) => {
          ref("role", role, p("raci", key, j));
        });
      }
    }
    r.rec.dependsOn.forEach((id, j) => {
      ref("recommendation", id, p("dependsOn", j));
    });
    r.rec.mitigates.forEach((id, j) => {
      ref("risk", id, p("mitigates", j));
    });
  }
};

/** Finds one cycle per strongly connected group, reported at the edge that closes it. */
function findCycles(
  nodes: string[],
  edges: (id: string) => string[],
): Array<{ cycle: string[]; from: string; index: number }> {
  const state = new Map<string, 1 | 2>();
  const found: Array<{ cycle: string[]; from: string; index: number }> = [];
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    edges(n).forEach((m, index) => {
      if (state.get(m) === 1) {
        found.push({ cycle: [...stack.slice(stack.indexOf(m)), m], from: n, index });
      } else if (!state.has(m) && nodes.includes(m)) visit(m);
    });
    stack.pop();
    state.set(n, 2);
  };
  for (const n of nodes) if (!state.has(n)) visit(n);
  return found;
}

const cycles: Rule = ({ tree, report }) => {
  const recs = recommendationsOf(tree);
  const byId = new Map(recs.map((r) => [r.id, r]));
  for (const c of findCycles(
    recs.map((r) => r.id),
    (id) => byId.get(id)?.rec.dependsOn ?? [],
  )) {
    const r = byId.get(c.from);
    if (!r) continue;
    report(
      "dependency-cycle",
      { ...r.at, path: [...r.at.path, "dependsOn", c.index] },
      `expected recommendations' dependsOn to form no cycle; found ${c.cycle.join(" → ")}`,
    );
  }
  const risks = risksOf(tree);
  const riskById = new Map(risks.map((r) => [r.id, r]));
  const riskRefs = (id: string) => {
    const r = riskById.get(id);
    if (!r) return [];
    return [...conditionParts(r.risk.when, [])].flatMap((p) =>
      p.type === "ref" && p.kind === "risk" ? [p.id] : [],
    );
  };
  for (const c of findCycles(
    risks.map((r) => r.id),
    riskRefs,
  )) {
    const r = riskById.get(c.from);
    if (!r) continue;
    report(
      "dependency-cycle",
      { ...r.at, path: [...r.at.path, "when"] },
      `expected risk conditions to refer to each other without a cycle; found ${c.cycle.join(" → ")}`,
    );
  }
};

const completeness: Rule = ({ tree, report }) => {
  for (const r of risksOf(tree)) {
    if (!r.risk.mitigation) {
      report(
        "missing-mitigation",
        { ...r.at, path: [...r.at.path, "id"] },
        `expected a \`mitigation\` for risk ${quote(r.id)}; found none`,
      );
    }
  }
  for (const r of recommendationsOf(tree)) {
    if (r.rec.kpis.length === 0) {
      report(
        "missing-kpis",
        { ...r.at, path: [...r.at.path, "id"] },
        `expected at least one KPI for recommendation ${quote(r.id)}; found none`,
        "warning",
      );
    }
  }
};

/**
 * Question kinds: once any question declares a `kind`, every question should (an undeclared one
 * is scored as an experience item), and a fact should name the roles who can see its evidence.
 */
/** An effort range reads low to high. */
const effortRanges: Rule = ({ tree, report }) => {
  for (const r of recommendationsOf(tree)) {
    const e = r.rec.effort;
    if (e && e.low > e.high) {
      report(
        "invalid-value",
        { ...r.at, path: [...r.at.path, "effort", "high"] },
        `expected effort.high to be at least effort.low (${e.low} person-weeks); found ${e.high}`,
      );
    }
  }
};

const kinds: Rule = ({ tree, report }) => {
  const questions = tree.dimensions.flatMap((d) =>
    d.value.questions.map((q, i) => ({ q, at: at(d, "questions", i) })),
  );
  if (!questions.some(({ q }) => q.kind !== undefined)) return;
  for (const { q, at: loc } of questions) {
    if (q.kind === undefined) {
      report(
        "missing-kind",
        { ...loc, path: [...loc.path, "id"] },
        `expected \`kind: fact\` or \`kind: experience\` on question ${quote(q.id)}, as other questions of the questionnaire declare one; found none (it is scored as an experience item)`,
        "warning",
      );
    } else if (q.kind === "fact" && q.roles === undefined) {
      report(
        "fact-for-everyone",
        { ...loc, path: [...loc.path, "kind"] },
        `expected \`roles\` on the fact ${quote(q.id)}: the roles who can see its evidence; found none, so it is put to every role`,
        "warning",
      );
    }
  }
};

/**
 * Profiles name dimensions and questions that exist, keep weights above 0 and targets on the
 * scale, leave every dimension something to score, and size bands that do not overlap.
 */
const profiles: Rule = ({ tree, levels, report }) => {
  const dims = new Map(tree.dimensions.map((d) => [d.value.id, d.value]));
  const questions = new Set(questionsOf(tree).map((q) => q.id));
  const min = Math.min(...levels);
  const max = Math.max(...levels);
  const unresolved = (kind: string, id: string, loc: At, known: Iterable<string>) => {
    const hint = nearest(id, known, 4);
    report(
      "unresolved-reference",
      loc,
      `expected a ${kind} id of this questionnaire; found ${quote(id)}${hint ? ` (did you mean ${quote(hint)}?)` : ""}`,
    );
  };
  for (const set of tree.profiles) {
    set.value.industries.forEach((p, i) => {
      const pa = (...rest: (string | number)[]): At => at(set, "industries", i, ...rest);
      for (const [id, change] of Object.entries(p.dimensions)) {
        if (!dims.has(id)) {
          unresolved("dimension", id, { ...pa("dimensions", id), key: true }, dims.keys());
          continue;
        }
        if (change.weight !== undefined && !(change.weight > 0)) {
          report(
            "non-positive-weight",
            pa("dimensions", id, "weight"),
            `expected a weight above 0 for dimension ${quote(id)} under profile ${quote(p.id)}; found ${change.weight}`,
          );
        }
        if (change.target !== undefined && (change.target < min || change.target > max)) {
          report(
            "out-of-scale",
            pa("dimensions", id, "target"),
            `expected a target level between ${min} and ${max}; found ${change.target}`,
          );
        }
      }
      for (const [id, change] of Object.entries(p.questions)) {
        if (!questions.has(id)) {
          unresolved("question", id, { ...pa("questions", id), key: true }, questions);
        } else if (!(change.weight > 0)) {
          report(
            "non-positive-weight",
            pa("questions", id, "weight"),
            `expected a weight above 0 for question ${quote(id)} under profile ${quote(p.id)}; found ${change.weight}`,
          );
        }
      }
      const excluded = new Set<string>();
      p.exclude.forEach((id, j) => {
        if (!questions.has(id)) unresolved("question", id, pa("exclude", j), questions);
        else excluded.add(id);
      });
      for (const d of dims.values()) {
        if (d.questions.every((q) => excluded.has(q.id))) {
          report(
            "profile-empties-dimension",
            pa("exclude"),
            `expected profile ${quote(p.id)} to keep at least one question of dimension ${quote(d.id)}; found all ${d.questions.length} excluded`,
          );
        }
      }
    });
  }
  const bands = tree.profiles.flatMap((set) =>
    set.value.sizes.map((b, i) => ({ b, loc: at(set, "sizes", i, "employees") })),
  );
  for (const { b, loc } of bands) {
    if (b.employees.max !== undefined && b.employees.max < b.employees.min) {
      report(
        "overlapping-size-bands",
        { ...loc, path: [...loc.path, "max"] },
        `expected the band's max to be at least its min (${b.employees.min}); found ${b.employees.max}`,
      );
    }
  }
  bands.forEach(({ b, loc }, i) => {
    const other = bands
      .slice(0, i)
      .find(
        (o) =>
          b.employees.min <= (o.b.employees.max ?? Number.POSITIVE_INFINITY) &&
          o.b.employees.min <= (b.employees.max ?? Number.POSITIVE_INFINITY),
      );
    if (other) {
      const range = `${b.employees.min}–${b.employees.max ?? "∞"}`;
      report(
        "overlapping-size-bands",
        loc,
        `expected size bands that do not overlap; found ${quote(b.id)} (${range} employees) overlapping ${quote(other.b.id)} at line ${other.loc.file.locate(other.loc.path).start.line}`,
      );
    }
  });
};

/**
 * The phases each rollout may run in, with the weeks of the shortest there (as declared, at the
 * fastest size band's pace): its own phase, a later one a dependency's phase pushes it to, and
 * the first, where a readiness rule's `firstPhase` pulls it and what it depends on (the roadmap's
 * rules, src/core/analysis/roadmap.ts).
 */
function rolloutPhases(tree: QuestionnaireTree): Map<Phase, number> {
  const recs = new Map(recommendationsOf(tree).map((r) => [r.id, r.rec]));
  const index = (p: Phase) => PHASES.indexOf(p);
  // Transitive dependencies of each recommendation (a cycle, rejected elsewhere, is cut).
  const closure = (id: string): Set<string> => {
    const seen = new Set<string>();
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      for (const dep of recs.get(queue[i] ?? "")?.dependsOn ?? [])
        if (dep !== id && !seen.has(dep)) {
          seen.add(dep);
          queue.push(dep);
        }
    }
    return seen;
  };
  const pulled = new Set<string>();
  for (const rule of tree.root.value.readiness)
    for (const id of rule.firstPhase ?? []) for (const x of [id, ...closure(id)]) pulled.add(x);
  const factors = tree.profiles.flatMap((set) => set.value.sizes.map((b) => b.pace.factor));
  const fastest = Math.min(1, ...factors);
  const shortest = new Map<Phase, number>();
  for (const [id, rec] of recs) {
    if (rec.rollout !== true) continue;
    const phases = new Set<Phase>([rec.phase]);
    for (const dep of closure(id)) {
      const p = recs.get(dep)?.phase;
      if (p && index(p) > index(rec.phase)) phases.add(p);
    }
    if (pulled.has(id)) phases.add(PHASES[0]);
    const weeks = scaledWeeks(rec.weeks, fastest);
    for (const p of phases) shortest.set(p, Math.min(shortest.get(p) ?? weeks, weeks));
  }
  return shortest;
}

/**
 * The phases' holds (`holdWeeks`, `holdCriterion`): the criterion a hold belongs to is one of the
 * phase's exit criteria; a hold applies only to a phase some rollout can run in, and only when
 * that rollout and the hold fit the default horizon before the reassessment's week.
 */
const phaseHolds: Rule = ({ tree, report }) => {
  const phases = tree.root.value.methodology?.roadmap.phases;
  const rollouts = rolloutPhases(tree);
  // The planner keeps the horizon's last week for the reassessment.
  const room = horizonWeeks(DEFAULT_HORIZON_MONTHS) - 1;
  for (const phase of PHASES) {
    const pm = phases?.[phase];
    if (!pm) continue;
    const loc = (key: string) => at(tree.root, "methodology", "roadmap", "phases", phase, key);
    const hold = pm.holdWeeks ?? 0;
    const shortest = rollouts.get(phase);
    if (hold > 0 && shortest === undefined) {
      report(
        "hold-without-rollout",
        loc("holdWeeks"),
        `expected a hold only on a phase a \`rollout\` recommendation can run in; found holdWeeks: ${hold} on ${phase}, where no rollout ever runs (none is in ${phase}, pushed there by a dependency or pulled there by a readiness rule), so the hold never applies`,
        "warning",
      );
    } else if (hold > 0 && shortest !== undefined && shortest + hold > room) {
      let months = DEFAULT_HORIZON_MONTHS;
      while (horizonWeeks(months) - 1 < shortest + hold) months++;
      report(
        "hold-beyond-horizon",
        loc("holdWeeks"),
        `expected ${phase}'s shortest rollout (${shortest} week${shortest === 1 ? "" : "s"}) and its hold to end within the ${room} weeks a ${DEFAULT_HORIZON_MONTHS}-month horizon leaves before the reassessment; found holdWeeks: ${hold}, so every rollout of ${phase} waits for the next cycle unless the horizon is at least ${months} months`,
        "warning",
      );
    }
    if (pm.holdCriterion !== undefined && pm.holdCriterion > pm.exitCriteria.length) {
      report(
        "unresolved-reference",
        loc("holdCriterion"),
        pm.exitCriteria.length === 0
          ? `expected no holdCriterion, since ${phase} has no exit criteria for its hold to follow; found ${pm.holdCriterion}`
          : `expected the number of one of ${phase}'s exit criteria (1 to ${pm.exitCriteria.length}) as the criterion its hold belongs to; found ${pm.holdCriterion}`,
      );
    }
  }
};

const RULES: Rule[] = [
  scaleIsOneToFive,
  ...uniqueIds,
  anchors,
  texts,
  weights,
  scaleBounds,
  references,
  cycles,
  completeness,
  effortRanges,
  kinds,
  profiles,
  phaseHolds,
];

/** Runs every semantic rule over a schema-valid include tree. */
export function checkQuestionnaire(tree: QuestionnaireTree): Issue[] {
  const issues: Issue[] = [];
  const levels = tree.root.value.scale.map((s) => s.level);
  const ctx: RuleContext = {
    tree,
    levels: levels.length ? levels : [1, 2, 3, 4, 5],
    report(code, loc, message, severity = "error") {
      issues.push(
        makeIssue(
          code,
          message,
          loc.file.display,
          loc.file.locate(loc.path, { key: loc.key }),
          severity,
        ),
      );
    },
  };
  for (const rule of RULES) rule(ctx);
  return issues;
}
