// Local debugging (m365agents.local.yml): only an Azure Bot with the Teams
// channel, pointing at a dev tunnel to the app on the developer's machine.
// Single tenant: the bot is the app registration (BOT_ID = CLIENT_ID).

@description('Short base for the bot\'s name; the toolkit passes icthub plus RESOURCE_SUFFIX.')
@minLength(3)
@maxLength(16)
param resourceBaseName string

@description('Client id of the app registration (aad.manifest.json).')
param aadAppClientId string

param aadAppTenantId string = tenant().tenantId

@description('The dev tunnel\'s https address (BOT_ENDPOINT).')
param botEndpoint string

var base = toLower(resourceBaseName)
var botName = '${base}-bot-local-${uniqueString(resourceGroup().id, base)}'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: 'ICT Hub (local)'
    endpoint: '${botEndpoint}/api/messages'
    msaAppId: aadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: aadAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output BOT_ID string = aadAppClientId
output BOT_TYPE string = 'SingleTenant'
