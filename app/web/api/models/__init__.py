"""The API's typed edge: one pydantic model per request body, query and answer, by area (one module each). Routes
take the parsed models (app/web/api/operation.py); the OpenAPI document is generated from them
(app/web/api/openapi.py). Shapes live here; domain services keep the rules about money and state."""
