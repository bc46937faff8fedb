// The PharmaBot API: a Python 3.11 function app on the Flex Consumption plan, running as the
// user-assigned identity. Every app setting is listed here, in one place: tests/infra checks that
// the app reads each of them and that each setting the cloud app reads is set here.
param name string
param planName string
param location string = resourceGroup().location
param tags object = {}

param identityId string
param identityClientId string
param storageAccountName string
param storageBlobEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string

param cosmosEndpoint string
param cosmosDatabase string
param searchEndpoint string
param searchIndex string
param searchSemantic bool
param openAiEndpoint string
param openAiChatDeployment string
param openAiEmbeddingDeployment string
param openAiApiVersion string
param contentSafetyEndpoint string
@secure()
param apiKeyHashes string
param corsOrigins string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource api 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Flex Consumption takes only this here (newer stamps reject ftpsState and other App Service settings);
    // TLS 1.2 is the platform's minimum. CORS is answered by the app (PHARMABOT_CORS_ORIGINS).
    siteConfig: {
      alwaysOn: false
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'python'
        version: '3.11'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Functions platform: identity-based host storage, telemetry with Entra ID, HTTP streams.
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      PYTHON_ENABLE_INIT_INDEXING: '1'

      // PharmaBot (pharmabot/config.py). No keys: every service is reached with the identity.
      PHARMABOT_ENVIRONMENT: 'production'
      PHARMABOT_API_KEYS: apiKeyHashes
      PHARMABOT_CORS_ORIGINS: corsOrigins
      PHARMABOT_STORE: 'cosmos'
      COSMOS_ENDPOINT: cosmosEndpoint
      COSMOS_DATABASE: cosmosDatabase
      PHARMABOT_RETRIEVER: 'azure_search'
      // The package carries the catalog index only (no label text: drug pages read it from the search index),
      // written by azd's prepackage hook (`package-index`); function_app.py resolves it against the app folder.
      PHARMABOT_INDEX_PATH: '.data/labels-catalog.sqlite'
      AZURE_SEARCH_ENDPOINT: searchEndpoint
      AZURE_SEARCH_INDEX: searchIndex
      AZURE_SEARCH_SEMANTIC: searchSemantic ? 'true' : 'false'
      PHARMABOT_ANSWER_WRITER: 'azure_openai'
      AZURE_OPENAI_ENDPOINT: openAiEndpoint
      AZURE_OPENAI_CHAT_DEPLOYMENT: openAiChatDeployment
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT: openAiEmbeddingDeployment
      AZURE_OPENAI_API_VERSION: openAiApiVersion
      AZURE_CONTENT_SAFETY_ENDPOINT: contentSafetyEndpoint
      AZURE_CLIENT_ID: identityClientId
    }
  }
}

output name string = api.name
output uri string = 'https://${api.properties.defaultHostName}'
