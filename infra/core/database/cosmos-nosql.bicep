// Cosmos DB for NoSQL, serverless, keys disabled: the database and containers the state store uses.
param accountName string
param location string = resourceGroup().location
param tags object = {}
param databaseName string
@description('Containers: objects with name, partitionKeyPath and defaultTtl (seconds; -1 = TTL on, set per item).')
param containers array
@description('Data-plane roles: objects with principalId and roleDefinitionId (a Cosmos DB SQL role definition id).')
param roleAssignments array = []

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            container.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
        defaultTtl: container.defaultTtl
      }
    }
  }
]

// Cosmos DB data-plane roles are its own SQL role assignments, not Azure RBAC role assignments. They are
// written after the containers and one at a time: the account rejects them while it is still applying
// other writes ("another operation is in progress"), as the Azure Verified Modules also do.
@batchSize(1)
resource roles 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [
  for role in roleAssignments: {
    parent: account
    name: guid(account.id, role.principalId, role.roleDefinitionId)
    properties: {
      principalId: role.principalId
      roleDefinitionId: '${account.id}/sqlRoleDefinitions/${role.roleDefinitionId}'
      scope: account.id
    }
    dependsOn: [
      database
      sqlContainers
    ]
  }
]

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
