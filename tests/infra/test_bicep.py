"""Static checks of infra/*.bicep: syntax (tree-sitter-bicep), module wiring, app settings against
pharmabot.config.Settings, data-plane roles for every service the app is given, Cosmos containers.

The Bicep compiler cannot run here; CI with Azure access should also run `az bicep build`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import tree_sitter_bicep
from pydantic import AliasChoices
from tree_sitter import Language, Node, Parser

from pharmabot.config import Environment, RetrieverKind, Settings, StoreKind, WriterKind, load_settings

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
BICEP_FILES = sorted(INFRA.rglob("*.bicep"))

# Functions-platform settings the host reads, not the app.
PLATFORM_SETTINGS = {
    "AzureWebJobsStorage__accountName",
    "AzureWebJobsStorage__credential",
    "AzureWebJobsStorage__clientId",
    "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    "PYTHON_ENABLE_INIT_INDEXING",
    "FUNCTIONS_EXTENSION_VERSION",
}
KEY_SETTINGS = {"COSMOS_KEY", "AZURE_SEARCH_KEY", "AZURE_OPENAI_API_KEY", "OPENAI_API_KEY", "AZURE_CONTENT_SAFETY_KEY"}

# Data-plane roles that let the identity use each kind of service (built-in role ids).
DATA_PLANE_ROLES = {
    "Microsoft.DocumentDB/databaseAccounts": {"00000000-0000-0000-0000-000000000002"},
    "Microsoft.Search/searchServices": {"1407120a-92aa-4202-b7e9-c0e197c71c8f", "8ebe5a00-799e-43f5-93ac-243d3dce84a7"},
    # Cognitive Services OpenAI User; Cognitive Services User (Content Safety).
    "Microsoft.CognitiveServices/accounts": {
        "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
        "a97b65f3-24c7-4388-baec-2e87135dc908",
    },
    "Microsoft.Storage/storageAccounts": {"b7e6dc6d-f1e8-4753-8033-0f276bb0955b"},
    "Microsoft.Insights/components": {"3913510d-42f4-4e42-8a64-420c390055eb"},
}

_PARSER = Parser(Language(tree_sitter_bicep.language()))


@dataclass(frozen=True)
class Expr:
    """A Bicep expression that is not a plain literal, kept as its source text."""

    node: Node

    @property
    def text(self) -> str:
        return _text(self.node)


def _text(node: Node) -> str:
    return (node.text or b"").decode()


@cache
def parse(path: Path) -> Node:
    return _PARSER.parse(path.read_bytes()).root_node


def syntax_errors(root: Node) -> list[str]:
    found: list[str] = []

    def walk(node: Node) -> None:
        if node.type == "ERROR" or node.is_missing:
            found.append(f"line {node.start_point[0] + 1}: {_text(node)[:60]!r}")
        for child in node.children:
            walk(child)

    walk(root)
    return found


def _key(prop: Node) -> str:
    key = prop.named_children[0]
    return _text(key).strip("'")


def value(node: Node) -> Any:
    """Literal Bicep values as Python values; anything computed stays an Expr."""
    if node.type == "object":
        return {_key(p): value(p.named_children[-1]) for p in node.named_children if p.type == "object_property"}
    if node.type == "array":
        return [value(child) for child in node.named_children]
    if node.type == "string" and all(c.type == "string_content" for c in node.named_children):
        return "".join(_text(c) for c in node.named_children)
    if node.type == "number":
        return int(_text(node))
    if node.type == "unary_expression" and _text(node).lstrip("-").isdigit():
        return int(_text(node))
    if node.type == "boolean":
        return _text(node) == "true"
    return Expr(node)


def declarations(root: Node, kind: str) -> dict[str, Node]:
    """Top-level declarations of KIND (param, var, resource, module, output) by name."""
    wanted = {"param": "parameter_declaration", "var": "variable_declaration"}.get(kind, f"{kind}_declaration")
    return {_text(n.named_children[0]): n for n in root.named_children if n.type == wanted}


def body(declaration: Node) -> Node:
    """The object of a resource or module (the loop body for `[for ...]`)."""
    node = declaration.named_children[-1]
    if node.type == "for_statement":
        node = node.child_by_field_name("body") or node.named_children[-1]
    return node


def resources(root: Node) -> list[tuple[str, Node]]:
    """Every resource declaration, nested ones included: (type string, body)."""
    found = []

    def walk(node: Node) -> None:
        if node.type == "resource_declaration":
            found.append((value(node.named_children[1]), body(node)))
        for child in node.children:
            walk(child)

    walk(root)
    return found


def module_params(declaration: Node) -> dict[str, Node]:
    for prop in body(declaration).named_children:
        if prop.type == "object_property" and _key(prop) == "params":
            obj = prop.named_children[-1]
            return {_key(p): p.named_children[-1] for p in obj.named_children if p.type == "object_property"}
    return {}


def module_path(path: Path, declaration: Node) -> Path:
    return (path.parent / value(declaration.named_children[1])).resolve()


def app_settings() -> dict[str, Any]:
    root = parse(INFRA / "app" / "api.bicep")
    for type_, obj in resources(root):
        props = value(obj)
        if type_ == "config" and props.get("name") == "appsettings":
            settings = props["properties"]
            assert isinstance(settings, dict)
            return settings
    raise AssertionError("infra/app/api.bicep has no 'appsettings' config resource")


def app_env_names() -> set[str]:
    """Every environment variable pharmabot.config.Settings reads (its fields' aliases)."""
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.update(str(c) for c in alias.choices) if isinstance(alias, AliasChoices) else names.add(name.upper())
    return names


# --- syntax and wiring ---


def test_bicep_files_exist() -> None:
    names = {p.relative_to(INFRA).as_posix() for p in BICEP_FILES}
    assert {"main.bicep", "app/api.bicep"} <= names


@pytest.mark.parametrize("path", BICEP_FILES, ids=lambda p: p.relative_to(INFRA).as_posix())
def test_bicep_file_parses_without_errors(path: Path) -> None:
    assert syntax_errors(parse(path)) == []


def test_parser_reports_broken_bicep(tmp_path: Path) -> None:
    broken = tmp_path / "broken.bicep"
    broken.write_text("param name string\nresource x 'Microsoft.Web/sites@2024-04-01' = {\n  name: name\n  tags: {\n")
    assert syntax_errors(parse(broken))


@pytest.mark.parametrize("path", BICEP_FILES, ids=lambda p: p.relative_to(INFRA).as_posix())
def test_modules_exist_and_get_the_params_they_declare(path: Path) -> None:
    for name, declaration in declarations(parse(path), "module").items():
        target = module_path(path, declaration)
        assert target.is_file(), f"module {name}: {target} missing"
        declared = declarations(parse(target), "param")
        passed = set(module_params(declaration))
        assert passed <= set(declared), f"module {name} passes undeclared params {passed - set(declared)}"
        required = {p for p, node in declared.items() if "=" not in [_text(c) for c in node.children]}
        assert required <= passed, f"module {name} misses required params {required - passed}"


def test_main_parameters_file_matches_main_bicep() -> None:
    params = json.loads((INFRA / "main.parameters.json").read_text())["parameters"]
    declared = declarations(parse(INFRA / "main.bicep"), "param")
    assert set(params) <= set(declared)
    required = {p for p, node in declared.items() if "=" not in [_text(c) for c in node.children]}
    assert required <= set(params)


def test_main_is_subscription_scoped_and_outputs_what_scripts_need() -> None:
    root = parse(INFRA / "main.bicep")
    assert "targetScope = 'subscription'" in _text(root)
    outputs = set(declarations(root, "output"))
    assert {
        "AZURE_FUNCTION_APP_NAME",
        "SERVICE_API_URI",
        "AZURE_RESOURCE_GROUP",
        "AZURE_COSMOS_ENDPOINT",
        "AZURE_SEARCH_ENDPOINT",
        "AZURE_SEARCH_INDEX",
        "AZURE_OPENAI_ENDPOINT",
        "AZURE_OPENAI_CHAT_DEPLOYMENT",
        "AZURE_OPENAI_EMBEDDING_DEPLOYMENT",
        "AZURE_OPENAI_API_VERSION",
    } <= outputs
    # In CI AZURE_CLIENT_ID is the pipeline's own sign-in; an output of that name would replace it.
    assert "AZURE_CLIENT_ID" not in outputs


# --- app settings against the app's configuration ---


def test_every_app_setting_is_read_by_the_app() -> None:
    unknown = set(app_settings()) - app_env_names() - PLATFORM_SETTINGS
    assert unknown == set(), f"app settings nothing reads: {sorted(unknown)}"


def _placeholder(name: str, setting: Any) -> str:
    if isinstance(setting, str):
        return setting
    node = setting.node
    if node.type == "ternary_expression":  # e.g. cond ? 'true' : 'false': take a branch
        branch = value(node.child_by_field_name("consequence") or node.named_children[1])
        if isinstance(branch, str):
            return branch
    if name.endswith("ENDPOINT"):
        return "https://placeholder.invalid/"
    if name == "PHARMABOT_API_KEYS":  # validated as SHA-256 hex hashes
        return "0" * 64
    return "placeholder"


def test_app_settings_configure_the_cloud_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in app_env_names():
        monkeypatch.delenv(name, raising=False)
    own = {k: _placeholder(k, v) for k, v in app_settings().items() if k in app_env_names()}
    for name, setting in own.items():
        monkeypatch.setenv(name, setting)
    # Every field the Bicep leaves out must have a default, or this raises ConfigError.
    settings = load_settings()
    assert settings.environment is Environment.production
    assert settings.store is StoreKind.cosmos
    assert settings.retriever is RetrieverKind.azure_search
    assert settings.answer_writer is WriterKind.azure_openai
    # Names the Bicep creates are the app's defaults too (the ingest step runs with those).
    main = parse(INFRA / "main.bicep")
    database = value(declarations(main, "var")["databaseName"].named_children[-1])
    index = value(declarations(main, "param")["searchIndexName"].named_children[-1])
    defaults = Settings.model_fields
    assert (database, index) == (defaults["cosmos_database"].default, defaults["azure_search_index"].default)
    for name in (
        "COSMOS_ENDPOINT",
        "AZURE_SEARCH_ENDPOINT",
        "AZURE_OPENAI_ENDPOINT",
        "AZURE_OPENAI_CHAT_DEPLOYMENT",
        "AZURE_OPENAI_EMBEDDING_DEPLOYMENT",
        "AZURE_OPENAI_API_VERSION",
        "AZURE_CONTENT_SAFETY_ENDPOINT",
        "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "PHARMABOT_API_KEYS",
        "PHARMABOT_CORS_ORIGINS",
    ):
        assert name in own, f"{name} is not set by the function app"


def test_no_keys_anywhere_in_the_cloud_config() -> None:
    assert KEY_SETTINGS.isdisjoint(app_settings())
    for path in BICEP_FILES:
        assert "listKeys(" not in path.read_text(), f"{path.name} reads a key"


def test_platform_settings_use_the_identity_and_http_streams() -> None:
    settings = app_settings()
    assert settings["PYTHON_ENABLE_INIT_INDEXING"] == "1"
    assert settings["AzureWebJobsStorage__credential"] == "managedidentity"
    assert "Authorization=AAD" in settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"].text
    # Flex Consumption rejects these; the runtime is set in functionAppConfig instead.
    assert "FUNCTIONS_WORKER_RUNTIME" not in settings
    assert "FUNCTIONS_EXTENSION_VERSION" not in settings


def test_local_auth_is_disabled_where_the_service_allows() -> None:
    expected = {
        "Microsoft.DocumentDB/databaseAccounts": ("disableLocalAuth", True),
        "Microsoft.Search/searchServices": ("disableLocalAuth", True),
        "Microsoft.CognitiveServices/accounts": ("disableLocalAuth", True),
        "Microsoft.Insights/components": ("DisableLocalAuth", True),
        "Microsoft.Storage/storageAccounts": ("allowSharedKeyAccess", False),
    }
    seen = set()
    for path in BICEP_FILES:
        for type_, obj in resources(parse(path)):
            base = type_.split("@")[0] if isinstance(type_, str) else ""
            if base in expected:
                prop, wanted = expected[base]
                assert value(obj)["properties"][prop] is wanted, f"{path.name}: {base} {prop}"
                seen.add(base)
    assert seen == set(expected)


# --- roles: every service the app is wired to, its identity may use ---


def _role_ids() -> dict[str, str]:
    roles = value(declarations(parse(INFRA / "main.bicep"), "var")["roles"].named_children[-1])
    assert isinstance(roles, dict)
    return roles


def _grants(expression: Node, role_ids: dict[str, str]) -> set[tuple[str, str]]:
    """(principal variable, role id) pairs in a module's roleAssignments expression."""
    found = set()

    def walk(node: Node) -> None:
        if node.type == "object":
            props = value(node)
            role = props.get("roleDefinitionId")
            if isinstance(role, Expr) and role.text.startswith("roles."):
                siblings = [c for c in node.parent.named_children if c.type == "identifier"] if node.parent else []
                principal = _text(siblings[0]) if siblings else "?"
                found.add((principal, role_ids[role.text.removeprefix("roles.")]))
        for child in node.children:
            walk(child)

    walk(expression)
    return found


def test_identity_has_a_data_plane_role_on_every_service_the_app_is_given() -> None:
    main = parse(INFRA / "main.bicep")
    modules = declarations(main, "module")
    api_params = module_params(modules["api"])
    role_ids = _role_ids()
    wired = {}
    for setting, setting_value in app_settings().items():
        if not isinstance(setting_value, Expr):
            continue
        source = api_params.get(setting_value.text)
        match = re.fullmatch(r"(\w+)\.outputs\.\w+", _text(source)) if source is not None else None
        if match and match.group(1) in modules and match.group(1) != "identity":
            wired[setting] = match.group(1)
    # The endpoints and host storage the app is given, traced to the modules that create them.
    assert set(wired) >= {
        "COSMOS_ENDPOINT",
        "AZURE_SEARCH_ENDPOINT",
        "AZURE_OPENAI_ENDPOINT",
        "AZURE_CONTENT_SAFETY_ENDPOINT",
    }
    assert "APPLICATIONINSIGHTS_CONNECTION_STRING" in wired
    assert "AzureWebJobsStorage__accountName" in wired
    for setting, module in wired.items():
        target = module_path(INFRA / "main.bicep", modules[module])
        kinds = {t.split("@")[0] for t, _ in resources(parse(target)) if isinstance(t, str)}
        allowed = set().union(*(DATA_PLANE_ROLES.get(k, set()) for k in kinds))
        assert allowed, f"{setting}: no known data-plane roles for {kinds}"
        grants = _grants(module_params(modules[module])["roleAssignments"], role_ids)
        app_roles = {role for principal, role in grants if principal == "appIdentity"}
        assert app_roles & allowed, f"{setting}: the app identity has no data-plane role on module {module}"


def test_app_identity_is_the_user_assigned_identity() -> None:
    text = _text(parse(INFRA / "main.bicep"))
    assert re.search(r"var appIdentity = \{\s*principalId: identity\.outputs\.principalId", text)


# --- the resources the code expects ---


def test_cosmos_containers_match_the_store() -> None:
    cosmos = module_params(declarations(parse(INFRA / "main.bicep"), "module")["cosmos"])
    assert value(cosmos["databaseName"]).text == "databaseName"
    containers = {c["name"]: (c["partitionKeyPath"], c["defaultTtl"]) for c in value(cosmos["containers"])}
    assert containers == {
        "sessions": ("/id", 2592000),
        "turns": ("/sessionKey", 2592000),
        "counters": ("/id", -1),
    }
    module = _text(parse(INFRA / "core" / "database" / "cosmos-nosql.bicep"))
    assert "EnableServerless" in module


def test_function_app_is_flex_consumption_python_311_tagged_for_azd() -> None:
    root = parse(INFRA / "app" / "api.bicep")
    by_type = {t.split("@")[0]: value(obj) for t, obj in resources(root) if isinstance(t, str)}
    plan = by_type["Microsoft.Web/serverfarms"]
    assert plan["sku"] == {"tier": "FlexConsumption", "name": "FC1"}
    site = by_type["Microsoft.Web/sites"]
    config = site["properties"]["functionAppConfig"]
    assert config["runtime"] == {"name": "python", "version": "3.11"}
    assert config["deployment"]["storage"]["authentication"]["type"] == "UserAssignedIdentity"
    assert site["identity"]["type"] == "UserAssigned"
    assert "'azd-service-name': 'api'" in site["tags"].text


def test_content_safety_is_provisioned_for_prompt_shields() -> None:
    main = parse(INFRA / "main.bicep")
    modules = declarations(main, "module")
    target = module_path(INFRA / "main.bicep", modules["contentSafety"])
    (account,) = [
        value(obj) for t, obj in resources(parse(target)) if t.startswith("Microsoft.CognitiveServices/accounts@")
    ]
    assert account["kind"] == "ContentSafety"
    assert account["properties"]["disableLocalAuth"] is True
    grants = _grants(module_params(modules["contentSafety"])["roleAssignments"], _role_ids())
    # Cognitive Services User: the role Prompt Shields accepts Entra ID tokens for.
    assert ("appIdentity", "a97b65f3-24c7-4388-baec-2e87135dc908") in grants
    assert value(module_params(modules["api"])["contentSafetyEndpoint"]).text == "contentSafety.outputs.endpoint"
    assert app_settings()["AZURE_CONTENT_SAFETY_ENDPOINT"].text == "contentSafetyEndpoint"


# --- what Azure accepts: Flex Consumption, regions, search tier, Cosmos role ordering, parameters ---


def decorators(root: Node, kind: str, name: str) -> dict[str, list[Any]]:
    """The decorators of a top-level declaration: name -> argument values (`@allowed([...])` -> [[...]])."""
    found: dict[str, list[Any]] = {}
    children = root.named_children
    for position, node in enumerate(children):
        if node is declarations(root, kind)[name]:
            before = children[position - 1] if position else None
            for decorator in before.named_children if before is not None and before.type == "decorators" else []:
                call = next((c for c in decorator.named_children if c.type == "call_expression"), None)
                if call is not None:
                    function, arguments = call.named_children[0], call.named_children[-1]
                    found[_text(function)] = [value(a) for a in arguments.named_children]
            return found
    raise AssertionError(f"no {kind} {name}")


def test_flex_site_config_sets_only_always_on_false() -> None:
    """The official Flex Consumption samples set only `alwaysOn: false`; newer stamps reject `ftpsState`."""
    root = parse(INFRA / "app" / "api.bicep")
    site = next(value(obj) for t, obj in resources(root) if isinstance(t, str) and t.startswith("Microsoft.Web/sites@"))
    assert site["properties"]["siteConfig"] == {"alwaysOn": False}
    for path in BICEP_FILES:
        assert not re.search(r"^\s*ftpsState\s*:", path.read_text(), re.MULTILINE), path.name
    # Nor the app settings Flex Consumption refuses (the runtime is in functionAppConfig).
    assert {"FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE"}.isdisjoint(
        app_settings()
    )


def test_location_is_limited_to_flex_consumption_regions() -> None:
    found = decorators(parse(INFRA / "main.bicep"), "param", "location")
    (regions,) = found["allowed"]
    assert {"eastus", "eastus2", "westeurope", "swedencentral", "australiaeast"} <= set(regions)
    assert len(regions) == len(set(regions)) >= 20
    assert "eastus2euap" not in regions  # a canary region, not for users
    assert all(re.fullmatch(r"[a-z0-9]+", r) for r in regions)
    assert found["metadata"] == [{"azd": {"type": "location"}}]  # azd prompts with these regions only


def test_search_tiers_that_cannot_hold_the_corpus_are_not_offered() -> None:
    """The free tier (50 MB) cannot hold ~123,000 chunks and their vectors."""
    (allowed,) = decorators(parse(INFRA / "main.bicep"), "param", "searchSku")["allowed"]
    assert "free" not in allowed
    assert "basic" in allowed
    (module_allowed,) = decorators(parse(INFRA / "core" / "search" / "search-service.bicep"), "param", "sku")["allowed"]
    assert "free" not in module_allowed
    params = json.loads((INFRA / "main.parameters.json").read_text())["parameters"]
    assert params["searchSku"]["value"] == "${AZURE_SEARCH_SKU=basic}"


def test_cosmos_role_assignments_wait_for_the_containers_one_at_a_time() -> None:
    root = parse(INFRA / "core" / "database" / "cosmos-nosql.bicep")
    assert decorators(root, "resource", "roles")["batchSize"] == [1]
    roles = value(body(declarations(root, "resource")["roles"]))
    depends = {item.text for item in roles["dependsOn"]}
    assert {"database", "sqlContainers"} <= depends
    assert set(declarations(root, "resource")) >= depends


def test_every_main_parameter_can_be_set_from_the_azd_environment() -> None:
    """Each parameter of main.bicep is mapped in main.parameters.json, with the Bicep default as its default."""
    params = json.loads((INFRA / "main.parameters.json").read_text())["parameters"]
    declared = declarations(parse(INFRA / "main.bicep"), "param")
    assert set(params) == set(declared)
    for name, node in declared.items():
        mapped = params[name]["value"]
        assert re.fullmatch(r"\$\{[A-Z0-9_]+(=[^}]*)?\}", mapped), name
        default = node.named_children[-1] if "=" in [_text(c) for c in node.children] else None
        literal = value(default) if default is not None else None
        if literal == "":  # unset and empty are the same to azd (openAiLocation, principalId)
            continue
        if isinstance(literal, str | bool | int) and not isinstance(literal, Expr):
            shown = str(literal).lower() if isinstance(literal, bool) else str(literal)
            assert mapped.endswith(f"={shown}}}"), f"{name}: {mapped} does not default to {shown}"
    assert params["embeddingDeploymentSku"]["value"] == "${AZURE_OPENAI_EMBEDDING_SKU=Standard}"


def test_the_app_reads_the_catalog_index_the_package_carries() -> None:
    """PHARMABOT_INDEX_PATH is the file `package-index` writes by default (see tests/infra/test_package.py)."""
    from pharmabot.cli import CATALOG_INDEX

    assert app_settings()["PHARMABOT_INDEX_PATH"] == CATALOG_INDEX
    assert app_settings()["PHARMABOT_RETRIEVER"] == "azure_search"
