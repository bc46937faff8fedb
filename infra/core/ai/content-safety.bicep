// Azure AI Content Safety account (Prompt Shields screens chat messages), keys disabled.
param name string
param location string = resourceGroup().location
param tags object = {}
@allowed(['F0', 'S0'])
@description('F0 is free (one per subscription, low rate); S0 is pay per use.')
param skuName string = 'S0'
@description('Roles on the account: objects with principalId, principalType, roleDefinitionId.')
param roleAssignments array = []

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'ContentSafety'
  sku: {
    name: skuName
  }
  properties: {
    // A custom subdomain is what makes Entra ID tokens work for this endpoint.
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in roleAssignments: {
    name: guid(account.id, role.principalId, role.roleDefinitionId)
    scope: account
    properties: {
      principalId: role.principalId
      principalType: role.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.roleDefinitionId)
    }
  }
]

output name string = account.name
output endpoint string = account.properties.endpoint
