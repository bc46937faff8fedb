// Azure AI Search with API keys disabled; the index itself is created by the ingest step.
param name string
param location string = resourceGroup().location
param tags object = {}
@allowed(['basic', 'standard', 'standard2', 'standard3'])
param sku string = 'basic'
@allowed(['disabled', 'free', 'standard'])
param semanticSearch string = 'free'
@description('Roles on the service: objects with principalId, principalType, roleDefinitionId.')
param roleAssignments array = []

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    replicaCount: 1
    partitionCount: 1
    hostingMode: 'default'
    publicNetworkAccess: 'enabled'
    disableLocalAuth: true
    semanticSearch: semanticSearch
  }
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in roleAssignments: {
    name: guid(search.id, role.principalId, role.roleDefinitionId)
    scope: search
    properties: {
      principalId: role.principalId
      principalType: role.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.roleDefinitionId)
    }
  }
]

output name string = search.name
output endpoint string = 'https://${search.name}.search.windows.net'
