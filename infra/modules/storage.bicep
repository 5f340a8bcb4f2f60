// The bot's data: Table Storage for agendas, workshops, measures and conversations; queues for deferred work.
// Only Entra sign-in is allowed (no account keys), and the bot's identity gets exactly the two data roles it needs.
param name string
param location string
param tags object

@description('Object (principal) id of the bot\'s managed identity.')
param principalId string

@description('Storage:TablePrefix of the bot; its table names are fixed in src/AgendaBot.Storage/StorageTables.cs.')
param tablePrefix string = 'agendabot'

@description('Queues for work that must survive a restart (durable delivery of posts).')
param queueNames array = ['agendabot-outbox']

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param skuName string = 'Standard_LRS'

// Storage account names: 3-24 lower-case letters and digits, unique in Azure.
var accountName = take('${take(toLower(replace(name, '-', '')), 11)}${uniqueString(resourceGroup().id)}', 24)
var tableNames = ['Agendas', 'Workshops', 'Measures', 'Conversations', 'Deadlines', 'Images', 'Exports', 'Outbox', 'Parked', 'Schedule']
var roles = {
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: '${tablePrefix}${table}'
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: queue
}]

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(roles): {
  name: guid(account.id, principalId, role.value)
  scope: account
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
  }
}]

output accountName string = account.name
output tableServiceUri string = account.properties.primaryEndpoints.table
output queueServiceUri string = account.properties.primaryEndpoints.queue
