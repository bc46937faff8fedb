// PharmaBot on Azure: `azd up` provisions this and deploys the API (see azure.yaml).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used to name and tag every resource.')
param environmentName string

@minLength(1)
@description('Region for all resources: one where Flex Consumption is offered (the chosen models may use openAiLocation).')
// Regions with the Flex Consumption plan (`az functionapp list-flexconsumption-locations`); azd offers only these.
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person or pipeline running azd; gets the roles the ingest step needs. Empty: none.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@secure()
@description('Comma-separated SHA-256 hashes of the accepted API keys (PHARMABOT_API_KEYS).')
param apiKeyHashes string

@description('Comma-separated origins allowed by CORS (PHARMABOT_CORS_ORIGINS).')
param corsOrigins string = 'http://localhost:5173'

// No free tier: its 50 MB cannot hold the corpus (~123,000 chunks, ~100 MB of text) and its vectors (~760 MB).
@allowed(['basic', 'standard'])
@description('Azure AI Search tier; basic is the cheapest that holds the shipped corpus with vectors, and has the semantic ranker.')
param searchSku string = 'basic'

@description('Use the semantic ranker (free plan of it: 1,000 queries a month).')
param searchSemantic bool = true

param searchIndexName string = 'pharmabot-labels'

param chatModelName string = 'gpt-4o-mini'
param chatModelVersion string = '2024-07-18'
@allowed(['Standard', 'GlobalStandard', 'DataZoneStandard'])
param chatDeploymentSku string = 'GlobalStandard'
@description('Chat deployment capacity, in thousands of tokens per minute.')
param chatDeploymentCapacity int = 30

param embeddingModelName string = 'text-embedding-3-small'
param embeddingModelVersion string = '1'
@allowed(['Standard', 'GlobalStandard', 'DataZoneStandard'])
param embeddingDeploymentSku string = 'Standard'
@description('Embedding deployment capacity, in thousands of tokens per minute.')
param embeddingDeploymentCapacity int = 120

param openAiApiVersion string = '2024-10-21'

@description('Region for Azure OpenAI, when the models are not offered in `location`. Empty: `location`.')
param openAiLocation string = ''

@allowed(['F0', 'S0'])
@description('Azure AI Content Safety tier for Prompt Shields (F0: free, one per subscription).')
param contentSafetySku string = 'S0'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var databaseName = 'pharmabot'
var chatDeploymentName = 'chat'
var embeddingDeploymentName = 'embedding'

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  searchIndexDataReader: '1407120a-92aa-4202-b7e9-c0e197c71c8f'
  searchIndexDataContributor: '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
  searchServiceContributor: '7ca78c08-252a-4471-8644-bb5ff32d4ba0'
  cognitiveServicesOpenAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908'
  // Cosmos DB SQL role definition (not Azure RBAC): Cosmos DB Built-in Data Contributor.
  cosmosDbBuiltInDataContributor: '00000000-0000-0000-0000-000000000002'
}

// The app reads and writes state, reads the index and calls the models, as its identity.
var appIdentity = {
  principalId: identity.outputs.principalId
  principalType: 'ServicePrincipal'
}
// Whoever runs azd builds the index (create it, upload chunks, embed them) and may inspect state.
var deployer = {
  principalId: principalId
  principalType: principalType
}
var hasDeployer = !empty(principalId)

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/managed-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    roleAssignments: [
      union(appIdentity, { roleDefinitionId: roles.monitoringMetricsPublisher })
    ]
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
    ]
    roleAssignments: [
      union(appIdentity, { roleDefinitionId: roles.storageBlobDataOwner })
      union(appIdentity, { roleDefinitionId: roles.storageQueueDataContributor })
      union(appIdentity, { roleDefinitionId: roles.storageTableDataContributor })
    ]
  }
}

module cosmos 'core/database/cosmos-nosql.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    accountName: '${abbrs.documentDBDatabaseAccounts}${resourceToken}'
    location: location
    tags: tags
    databaseName: databaseName
    // Partition keys and TTLs as pharmabot/store/cosmos.py expects them (30 days = 2592000 s).
    containers: [
      {
        name: 'sessions'
        partitionKeyPath: '/id'
        defaultTtl: 2592000
      }
      {
        name: 'turns'
        partitionKeyPath: '/sessionKey'
        defaultTtl: 2592000
      }
      {
        name: 'counters'
        partitionKeyPath: '/id'
        defaultTtl: -1
      }
    ]
    roleAssignments: concat(
      [
        union(appIdentity, { roleDefinitionId: roles.cosmosDbBuiltInDataContributor })
      ],
      hasDeployer ? [union(deployer, { roleDefinitionId: roles.cosmosDbBuiltInDataContributor })] : []
    )
  }
}

module search 'core/search/search-service.bicep' = {
  name: 'search'
  scope: rg
  params: {
    name: '${abbrs.searchSearchServices}${resourceToken}'
    location: location
    tags: tags
    sku: searchSku
    semanticSearch: searchSemantic ? 'free' : 'disabled'
    roleAssignments: concat(
      [
        union(appIdentity, { roleDefinitionId: roles.searchIndexDataReader })
      ],
      hasDeployer
        ? [
            union(deployer, { roleDefinitionId: roles.searchServiceContributor })
            union(deployer, { roleDefinitionId: roles.searchIndexDataContributor })
          ]
        : []
    )
  }
}

module openAi 'core/ai/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesAccounts}${resourceToken}'
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    deployments: [
      {
        name: chatDeploymentName
        model: chatModelName
        version: chatModelVersion
        skuName: chatDeploymentSku
        capacity: chatDeploymentCapacity
      }
      {
        name: embeddingDeploymentName
        model: embeddingModelName
        version: embeddingModelVersion
        skuName: embeddingDeploymentSku
        capacity: embeddingDeploymentCapacity
      }
    ]
    roleAssignments: concat(
      [
        union(appIdentity, { roleDefinitionId: roles.cognitiveServicesOpenAiUser })
      ],
      hasDeployer ? [union(deployer, { roleDefinitionId: roles.cognitiveServicesOpenAiUser })] : []
    )
  }
}

// Prompt Shields screens every chat message before anything is retrieved or generated.
module contentSafety 'core/ai/content-safety.bicep' = {
  name: 'content-safety'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesAccounts}cs-${resourceToken}'
    location: location
    tags: tags
    skuName: contentSafetySku
    roleAssignments: [
      union(appIdentity, { roleDefinitionId: roles.cognitiveServicesUser })
    ]
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    searchEndpoint: search.outputs.endpoint
    searchIndex: searchIndexName
    searchSemantic: searchSemantic
    openAiEndpoint: openAi.outputs.endpoint
    openAiChatDeployment: chatDeploymentName
    openAiEmbeddingDeployment: embeddingDeploymentName
    openAiApiVersion: openAiApiVersion
    contentSafetyEndpoint: contentSafety.outputs.endpoint
    apiKeyHashes: apiKeyHashes
    corsOrigins: corsOrigins
  }
}

// azd stores these in the environment (.azure/<env>/.env); the hooks and scripts read them.
// Names match pharmabot/config.py where the ingest step reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
// Not AZURE_CLIENT_ID: in CI that name holds the pipeline's own client id.
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AZURE_COSMOS_DATABASE string = cosmos.outputs.databaseName
output AZURE_SEARCH_SERVICE_NAME string = search.outputs.name
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint
output AZURE_SEARCH_INDEX string = searchIndexName
output AZURE_SEARCH_SEMANTIC bool = searchSemantic
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_CHAT_DEPLOYMENT string = chatDeploymentName
output AZURE_OPENAI_EMBEDDING_DEPLOYMENT string = embeddingDeploymentName
output AZURE_OPENAI_API_VERSION string = openAiApiVersion
output AZURE_CONTENT_SAFETY_ENDPOINT string = contentSafety.outputs.endpoint
