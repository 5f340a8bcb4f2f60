// The bot's web app: App Service on Linux running .NET 10, signed in as the bot's managed identity.
param name string
param location string
param tags object
param sku string
param instanceCount int

@description('Resource id of the bot\'s user-assigned managed identity.')
param identityId string
param botAppId string
param tenantId string
param tableServiceUri string
param queueServiceUri string
param appInsightsConnectionString string
param workspaceId string
param forceCulture string

// The configuration keys of src/AgendaBot (docs/operations.md), as App Service environment variables ("__" = ":").
var baseSettings = [
  { name: 'Bot__AppId', value: botAppId }
  { name: 'Bot__TenantId', value: tenantId }
  { name: 'Bot__CredentialKind', value: 'ManagedIdentity' }
  { name: 'Storage__TableServiceUri', value: tableServiceUri }
  { name: 'Storage__QueueServiceUri', value: queueServiceUri }
  // The deployment creates the tables and the queue (storage.bicep): an instance starting up need not.
  { name: 'Storage__CreateTables', value: 'false' }
  // Teams fetches chart pictures from the bot's public address.
  { name: 'Images__PublicBaseUrl', value: 'https://${name}.azurewebsites.net' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  // Azure SDK clients that pick their credential themselves (telemetry exporter) use the same identity.
  { name: 'AZURE_CLIENT_ID', value: botAppId }
]
var cultureSettings = empty(forceCulture) ? [] : [{ name: 'Localization__ForceCulture', value: forceCulture }]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true // the weekly status post is sent from inside the app
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat(baseSettings, cultureSettings)
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

output webAppName string = site.name
output hostName string = site.properties.defaultHostName
