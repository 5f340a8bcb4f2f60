// AgendaBot in one resource group: the bot's identity, storage, monitoring, the web app and the Azure Bot.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam (see docs/operations.md).
targetScope = 'resourceGroup'

@description('Base name, e.g. agendabot-hagenow: lower-case letters, digits and hyphens. Becomes the web app (<name>.azurewebsites.net) and the bot handle, so it must be unique in Azure.')
@minLength(3)
@maxLength(40)
param name string

@description('Azure region of everything but the bot (Azure Bot is global). Default: the resource group\'s.')
param location string = resourceGroup().location

@description('Name shown in Teams for the bot.')
param botDisplayName string = 'AgendaBot'

@description('App Service plan size. B1 is enough for a town; always-on needs at least Basic.')
@allowed(['B1', 'B2', 'B3', 'S1', 'P0v3', 'P1v3'])
param appServicePlanSku string = 'B1'

@description('How many instances of the bot run behind the one Azure Bot: B1-B3 allow up to 3, S1 up to 10.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Azure Bot pricing tier. Teams messages are free on F0.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Answer in this language whatever the Teams client says, e.g. de-DE. Empty: follow the client.')
param forceCulture string = ''

@description('Tags put on every resource, e.g. { Kostenstelle: "4711" }.')
param tags object = {}

// The bot is a user-assigned managed identity: no secret to store or rotate. Its client id is the bot's app id.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: name
    location: location
    tags: tags
    principalId: identity.properties.principalId
  }
}

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    name: name
    location: location
    tags: tags
    sku: appServicePlanSku
    instanceCount: instanceCount
    identityId: identity.id
    botAppId: identity.properties.clientId
    tenantId: identity.properties.tenantId
    tableServiceUri: storage.outputs.tableServiceUri
    queueServiceUri: storage.outputs.queueServiceUri
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    workspaceId: monitoring.outputs.workspaceId
    forceCulture: forceCulture
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: name
    displayName: botDisplayName
    sku: botSku
    tags: tags
    identityId: identity.id
    botAppId: identity.properties.clientId
    tenantId: identity.properties.tenantId
    messagingEndpoint: 'https://${web.outputs.hostName}/api/messages'
  }
}

@description('BOT_APP_ID for manifest/build.sh: the client id of the managed identity.')
output botAppId string = identity.properties.clientId

@description('BOT_DOMAIN for manifest/build.sh: the web app\'s host name.')
output botDomain string = web.outputs.hostName

output messagingEndpoint string = bot.outputs.messagingEndpoint
output webAppName string = web.outputs.webAppName
output storageAccountName string = storage.outputs.accountName
output tenantId string = identity.properties.tenantId
