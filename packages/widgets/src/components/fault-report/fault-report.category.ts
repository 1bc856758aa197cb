import type { Locale } from '@kontakt/core';
import type { FaultCatalog, FaultCategory } from '@kontakt/core/schemas';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { FieldContext } from './fault-report.fields.js';
import {
  departmentText,
  describedBy,
  fieldError,
  hintText,
  invalid,
  marker,
} from './fault-report.fields.js';
import type { FaultValues } from './fault-report.model.js';
import { searchCategories } from './fault-report.model.js';

/*
 * The first step, in the first-render chunk: the categories by group as one radio group, with a
 * search over names and keywords. The later steps are in a chunk loaded once the report is used.
 */

/** What the first step renders from: the first texts and the two handlers it uses. */
export interface CategoryContext extends FieldContext {
  readonly locale: Locale;
  readonly catalog: FaultCatalog | undefined;
  readonly values: FaultValues;
  readonly categoryQuery: string;
  readonly on: {
    /** A control's value under its `name` (here: the category). */
    input(event: Event): void;
    categoryQuery(event: Event): void;
  };
}

/** Category: a search over names and keywords, then the categories by group as one radio group. */
export function categoryStep(ctx: CategoryContext): TemplateResult {
  const c = ctx.t.category;
  const { catalog } = ctx;
  if (!catalog) {
    return html`<p part="status" class="hint" aria-busy="true">${c.loading}</p>`;
  }
  const matching = searchCategories(catalog, ctx.categoryQuery, ctx.locale);
  // A search that finds nothing shows the whole list, so there is always something to choose.
  const shown = matching.length ? matching : catalog.categories;
  // The chosen one stays visible whatever is typed, so the choice is never hidden.
  const chosen = catalog.categories.find((cat) => cat.id === ctx.values.category);
  const list = chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  const groups = [
    ...catalog.groups.map((g) => ({ id: g.id, name: departmentText(g.name, ctx.locale) })),
    { id: '', name: c.otherGroup },
  ];
  const inGroup = (id: string) =>
    list.filter((cat) =>
      id ? cat.group === id : !cat.group || !catalog.groups.some((g) => g.id === cat.group),
    );
  return html`<div part="field" class="field">
      <label part="label" for="category-search">${c.search} ${marker(ctx, false)}</label>
      ${hintText('category-search', c.searchHint)}
      <input
        part="input"
        type="search"
        id="category-search"
        autocomplete="off"
        aria-describedby="category-search-hint category-count"
        .value=${ctx.categoryQuery}
        @input=${ctx.on.categoryQuery}
      />
      <p class="hint" id="category-count" aria-live="polite">
        ${ctx.categoryQuery ? (matching.length ? c.matches(matching.length) : c.noMatch) : nothing}
      </p>
    </div>
    <fieldset
      part="field"
      aria-invalid=${invalid(ctx, 'category')}
      aria-describedby=${describedBy(ctx, 'category', false)}
    >
      <legend part="label">${c.legend} ${marker(ctx, true)}</legend>
      ${fieldError(ctx, 'category')}
      ${groups.map(({ id, name }) => {
        const items = inGroup(id);
        if (!items.length) return nothing;
        const headingId = `group-${id || 'other'}`;
        return html`<div class="field" role="group" aria-labelledby=${headingId}>
          ${catalog.groups.length ? html`<p class="chosen" id=${headingId}>${name}</p>` : html`<span hidden id=${headingId}>${name}</span>`}
          ${items.map((category) => categoryChoice(ctx, category))}
        </div>`;
      })}
    </fieldset>`;
}

function categoryChoice(ctx: CategoryContext, category: FaultCategory): TemplateResult {
  const description = category.description && departmentText(category.description, ctx.locale);
  const id = `category-${category.id}`;
  return html`<label class="choice" for=${id}>
    <input
      part="input"
      type="radio"
      id=${id}
      name="category"
      .value=${category.id}
      .checked=${ctx.values.category === category.id}
      aria-describedby=${description ? `${id}-hint` : nothing}
      @change=${ctx.on.input}
    />
    <span>${departmentText(category.name, ctx.locale)}
      ${description ? html`<span class="choice-hint" id="${id}-hint">${description}</span>` : nothing}</span>
  </label>`;
}
