"""An edit described as data: components and links to add, and new values of
components and links that already exist. No Qt.

The cost panel's mitigations are patches. `apply_patch` gives the edited
Design headless (the planner, `weaklink apply`); the Document applies the
same patch as one undo step (`Document.apply_patch`), so an applied
mitigation is exactly the edit a user could have made by hand, in the same
order: updated items keep their place, added items go to the end.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from pydantic import ValidationError

from .component import Component, Link
from .design import Design, design_errors
from .errors import DanglingReference, DesignErrors, DuplicateId, InvalidProperty


@dataclass(frozen=True)
class Patch:
    add_components: tuple[Component, ...] = ()
    add_links: tuple[Link, ...] = ()
    # New values of existing items, matched by id (kind and id never change).
    update_components: tuple[Component, ...] = ()
    update_links: tuple[Link, ...] = ()
    text: str = "Edit"
    # Ids of everything the patch adds, in order, for ghosts and reports.
    added_ids: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.added_ids:
            ids = tuple(c.id for c in self.add_components) + tuple(
                l.id for l in self.add_links)
            object.__setattr__(self, "added_ids", ids)

    @property
    def empty(self) -> bool:
        return not (self.add_components or self.add_links or self.update_components
                    or self.update_links)


def validated(patch: Patch) -> Patch:
    """The patch with every value checked by the model (a value built with
    `model_copy` skips pydantic's checks); raises InvalidProperty."""
    def check(model, item):
        try:
            return model.model_validate(item.model_dump())
        except ValidationError as err:
            first = err.errors()[0]
            raise InvalidProperty(first["msg"].removeprefix("Value error, "),
                                  f"{item.id}." + ".".join(map(str, first["loc"]))) from None
    return replace(patch,
                   add_components=tuple(check(Component, c) for c in patch.add_components),
                   add_links=tuple(check(Link, l) for l in patch.add_links),
                   update_components=tuple(check(Component, c) for c in patch.update_components),
                   update_links=tuple(check(Link, l) for l in patch.update_links))


def apply_patch(design: Design, patch: Patch) -> Design:
    """The design with `patch` applied, checked whole by the model's rules
    (raises DesignErrors / DesignError when the result is refused)."""
    patch = validated(patch)
    components = _replaced(design.components, patch.update_components, "component")
    links = _replaced(design.links, patch.update_links, "link")
    for old in patch.update_components:
        if design.by_id[old.id].kind is not old.kind:
            raise InvalidProperty(f"the kind of '{old.id}' cannot change")
    taken = {c.id for c in components} | {l.id for l in links}
    for item in (*patch.add_components, *patch.add_links):
        if item.id in taken:
            raise DuplicateId(f"id '{item.id}' is already used")
        taken.add(item.id)
    edited = Design.model_construct(settings=design.settings,
                                    components=components + tuple(patch.add_components),
                                    links=links + tuple(patch.add_links))
    problems = design_errors(edited)      # the loader's whole-file check
    if problems:
        raise DesignErrors(problems)
    return edited


def merge(patches: Iterable[Patch], text: str) -> Patch:
    """Several patches applied in turn, as one patch (Apply up to here): an
    update of an item an earlier patch added folds into that addition."""
    added_c: dict[str, Component] = {}
    added_l: dict[str, Link] = {}
    updated_c: dict[str, Component] = {}
    updated_l: dict[str, Link] = {}
    for patch in patches:
        for comp in patch.add_components:
            added_c[comp.id] = comp
        for link in patch.add_links:
            added_l[link.id] = link
        for comp in patch.update_components:
            (added_c if comp.id in added_c else updated_c)[comp.id] = comp
        for link in patch.update_links:
            (added_l if link.id in added_l else updated_l)[link.id] = link
    return Patch(tuple(added_c.values()), tuple(added_l.values()),
                 tuple(updated_c.values()), tuple(updated_l.values()), text)


def _replaced(items: tuple, updates: Iterable, what: str) -> tuple:
    new = {item.id: item for item in updates}
    if not new:
        return items
    known = {item.id for item in items}
    missing = [i for i in new if i not in known]
    if missing:
        raise DanglingReference(f"no {what} '{missing[0]}' in this design")
    return tuple(new.get(item.id, item) for item in items)
