// The values a town fills in before deploying (see "Deploy to Azure" in `docs/operations.md`).
using 'main.bicep'

// Becomes https://agendabot-hagenow.azurewebsites.net and the bot's handle: change "hagenow" to your town.
param name = 'agendabot-hagenow'

param botDisplayName = 'AgendaBot'
param appServicePlanSku = 'B1'
param instanceCount = 1
param forceCulture = ''
param tags = {
  Projekt: 'Digitale Agenda'
}
