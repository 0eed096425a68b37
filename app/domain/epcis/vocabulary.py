"""The words an EPCIS 2.0 document may use, and the brand's own words beside them.

CBV (GS1's Core Business Vocabulary) has a bare word for the common business steps,
dispositions, transaction and party types; EPCIS 2.0 JSON writes those words as they are
(``"shipping"``). A step the CBV does not have (``returning``, ``redeeming``) is the brand's,
so it is written as an IRI in the brand's namespace, never as a bare word a partner would
take for CBV. Extension fields carry the ``yima:`` prefix, declared in ``CONTEXT`` (the same
object ships as ``resources/epcis/yima-context.jsonld`` for partners' tools).

The lists below are CBV 2.0's, as GS1's EPCIS 2.0 JSON schema enumerates them.
"""

from __future__ import annotations

GS1_CONTEXT_URL = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld"
# Other addresses GS1 has published the same 2.0 context under (its examples use the first).
GS1_CONTEXT_ALIASES = (
    "https://gs1.github.io/EPCIS/epcis-context-simple.jsonld",
    "https://gs1.github.io/EPCIS/epcis-context.jsonld",
    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
)

PREFIX = "yima"
NAMESPACE = "urn:yima-scan:epcis:"  # extension fields: yima:job -> urn:yima-scan:epcis:job
BIZ_STEP_NS = "urn:yima-scan:bizstep:"
DISPOSITION_NS = "urn:yima-scan:disposition:"
CONTEXT: dict[str, str] = {PREFIX: NAMESPACE}

EVENT_TYPES = (
    "ObjectEvent",
    "AggregationEvent",
    "TransactionEvent",
    "TransformationEvent",
    "AssociationEvent",
)

CBV_BIZ_STEPS = frozenset(
    [
        "accepting",
        "arriving",
        "assembling",
        "collecting",
        "commissioning",
        "consigning",
        "creating_class_instance",
        "cycle_counting",
        "decommissioning",
        "departing",
        "destroying",
        "disassembling",
        "dispensing",
        "encoding",
        "entering_exiting",
        "holding",
        "inspecting",
        "installing",
        "killing",
        "loading",
        "other",
        "packing",
        "picking",
        "receiving",
        "removing",
        "repackaging",
        "repairing",
        "replacing",
        "reserving",
        "retail_selling",
        "shipping",
        "staging_outbound",
        "stock_taking",
        "stocking",
        "storing",
        "transporting",
        "unloading",
        "unpacking",
        "void_shipping",
        "sensor_reporting",
        "sampling",
    ]
)

CBV_DISPOSITIONS = frozenset(
    [
        "active",
        "container_closed",
        "damaged",
        "destroyed",
        "dispensed",
        "disposed",
        "encoded",
        "expired",
        "in_progress",
        "in_transit",
        "inactive",
        "no_pedigree_match",
        "non_sellable_other",
        "partially_dispensed",
        "recalled",
        "reserved",
        "retail_sold",
        "returned",
        "sellable_accessible",
        "sellable_not_accessible",
        "stolen",
        "unknown",
        "available",
        "completeness_verified",
        "completeness_inferred",
        "conformant",
        "container_open",
        "mismatch_instance",
        "mismatch_class",
        "mismatch_quantity",
        "needs_replacement",
        "non_conformant",
        "unavailable",
    ]
)

CBV_BIZ_TRANSACTION_TYPES = frozenset(
    [
        "bol",
        "cert",
        "desadv",
        "inv",
        "pedigree",
        "po",
        "poc",
        "prodorder",
        "recadv",
        "rma",
        "testprd",
        "testres",
        "upevt",
    ]
)

CBV_SOURCE_DEST_TYPES = frozenset({"owning_party", "possessing_party", "location"})


def biz_step(word: str) -> str:
    """A CBV word as it is; the brand's own step (``returning``) as an IRI in its namespace."""
    return word if word in CBV_BIZ_STEPS else BIZ_STEP_NS + word


def disposition(word: str) -> str:
    return word if word in CBV_DISPOSITIONS else DISPOSITION_NS + word


def extension(name: str) -> str:
    """An extension field's name: ``job`` -> ``yima:job``; an already prefixed name stays."""
    return name if ":" in name else f"{PREFIX}:{name}"
