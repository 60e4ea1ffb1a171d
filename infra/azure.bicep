// ICT Hub in a council's own Azure subscription: one resource group holding
// the App Service (Node 22 LTS), its user-assigned managed identity, the Azure
// Bot with the Teams channel, PostgreSQL with Entra authentication only, a Key
// Vault (RBAC) for the one secret, and Application Insights on Log Analytics.
//
// Deployed by m365agents.yml (arm/deploy) with azure.parameters.json, or with
// `az deployment group create -g RG -f infra/azure.bicep -p infra/azure.parameters.json`
// after filling the ${{…}} values by hand. Every name is derived from the
// resource group and resourceBaseName, so a re-run changes nothing.
// test/infra/bicep.test.ts reads this file as text: keep one app setting per line.

targetScope = 'resourceGroup'

@description('Short base for every resource name (letters and digits); the toolkit passes icthub plus RESOURCE_SUFFIX.')
@minLength(3)
@maxLength(16)
param resourceBaseName string

@description('Azure region; the resource group\'s by default.')
param location string = resourceGroup().location

@description('Client id of the Entra app registration (aad.manifest.json): Teams single sign-on audience and the app\'s Graph identity.')
param aadAppClientId string

@description('Tenant (directory) id of the app registration and of the council\'s Microsoft 365.')
param aadAppTenantId string = tenant().tenantId

@description('The app registration\'s client secret; stored in Key Vault, never in an app setting.')
@secure()
@minLength(1)
param aadAppClientSecret string

@description('UserAssignedMSI: the bot authenticates as the managed identity (no secret; the subscription must be in the council\'s Microsoft 365 tenant). SingleTenant: the bot is the app registration and uses its secret. Multi-tenant bots can no longer be created.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botType string = 'UserAssignedMSI'

@description('The Teams app\'s manifest id (teamsApp/create writes it).')
param teamsAppId string

@description('The council\'s name, as staff know it (Teams allows 32 characters).')
@maxLength(32)
param councilName string

@description('Optional: manifest developer.websiteUrl; the app\'s own address when empty.')
param councilWebsiteUrl string = ''

@description('Optional: the council\'s privacy notice for the app.')
param privacyUrl string = ''

@description('Optional: the council\'s terms of use for the app.')
param termsUrl string = ''

@description('Optional: the service-desk channel (19:…@thread.tacv2) escalated tickets go to.')
param serviceDeskChannelId string = ''

@description('Optional: sign-in names of ICT approvers, separated by commas.')
param ictApprovers string = ''

@description('Optional: sign-in names given the ICT role in the tabs, separated by commas (prefer the ICTHub.ICT app role).')
param ictStaff string = ''

@description('App Service plan SKU: B1 or above keeps Always On; P0v3 or above for autoscale.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'B1'

@description('App Service instances. Every instance shares the one PostgreSQL database.')
@minValue(1)
@maxValue(10)
param appInstanceCount int = 1

@description('PostgreSQL compute: Standard_B1ms (Burstable) suits most councils; Standard_D2ds_v5 (GeneralPurpose) for the largest.')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL major version (the embedded store used in development is PostgreSQL 17 too).')
param postgresVersion string = '17'

@minValue(32)
param postgresStorageGB int = 32

@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

param tags object = {}

// ---------------------------------------------------------------- names

var base = toLower(resourceBaseName)
var suffix = uniqueString(resourceGroup().id, base)
var identityName = '${base}-id-${suffix}'
var planName = '${base}-plan-${suffix}'
var webAppName = '${base}-${suffix}'
var botName = '${base}-bot-${suffix}'
var postgresName = '${base}-pg-${suffix}'
var keyVaultName = 'kv-${suffix}'
var workspaceName = '${base}-logs-${suffix}'
var appInsightsName = '${base}-ai-${suffix}'
var databaseName = 'icthub'
var clientSecretName = 'client-secret'

// The app's address: the web app's default host name (no custom domain).
var appDomain = '${webAppName}.azurewebsites.net'
var publicUrl = 'https://${appDomain}'

// Built-in roles (ids are the same in every tenant).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// ---------------------------------------------------------------- identity

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

// The bot is either the managed identity or the app registration.
var botAppId = botType == 'UserAssignedMSI' ? identity.properties.clientId : aadAppClientId

// ---------------------------------------------------------------- monitoring

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

// ---------------------------------------------------------------- secrets

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: keyVault
  name: clientSecretName
  properties: {
    value: aadAppClientSecret
    contentType: 'Client secret of the ICT Hub app registration (${aadAppClientId})'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------- database

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresName
  location: location
  tags: tags
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    storage: {
      storageSizeGB: postgresStorageGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// The app's managed identity is the server's Entra administrator; it signs in as its own name.
resource postgresAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: postgres
  name: identity.properties.principalId
  properties: {
    principalName: identity.name
    principalType: 'ServicePrincipal'
    tenantId: tenant().tenantId
  }
}

// The server takes one change at a time: the database and the firewall rule wait for the administrator.
resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    postgresAdmin
  ]
}

// Azure services only (0.0.0.0): sign-in still needs an Entra token for the server's administrator.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    database
  ]
}

// No password: the app signs in with an Entra token for its managed identity.
var databaseUrl = 'postgresql://${identity.name}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'

// ---------------------------------------------------------------- web app

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: appInstanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-11-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      healthCheckPath: '/readyz'
      // The prebuilt bundle (npm run bundle) starts with node alone: no npm install, no build here.
      appCommandLine: 'node server/main.js'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // ---- the app's configuration (core/config.ts)
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'DATABASE_URL', value: databaseUrl }
        // No database password anywhere: each connection signs in with the managed identity's Entra token.
        { name: 'DATABASE_AUTH', value: 'managed-identity' }
        { name: 'TENANT_ID', value: aadAppTenantId }
        { name: 'CLIENT_ID', value: aadAppClientId }
        { name: 'CLIENT_SECRET', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${clientSecretName})' }
        { name: 'BOT_ID', value: botAppId }
        { name: 'BOT_TYPE', value: botType }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'COUNCIL_NAME', value: councilName }
        { name: 'COUNCIL_WEBSITE_URL', value: councilWebsiteUrl }
        { name: 'PRIVACY_URL', value: privacyUrl }
        { name: 'TERMS_URL', value: termsUrl }
        { name: 'SERVICE_DESK_CHANNEL_ID', value: serviceDeskChannelId }
        { name: 'ICT_APPROVERS', value: ictApprovers }
        { name: 'ICT_STAFF', value: ictStaff }
        { name: 'WORKERS_ENABLED', value: 'true' }
        { name: 'LOG_LEVEL', value: 'info' }
        // The user-assigned identity: the database sign-in above uses it (App Service also reads it).
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        // ---- the platform
        { name: 'NODE_ENV', value: 'production' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'ENABLE_ORYX_BUILD', value: 'false' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
      ]
    }
  }
  // Key Vault references resolve once the secret exists and the identity may read it.
  dependsOn: [
    clientSecret
    secretsUser
  ]
}

// The app's JSON log lines (standard output) and HTTP logs go to Log Analytics.
// Diagnostic settings have only preview API versions.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------- bot

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: 'ICT Hub'
    endpoint: '${publicUrl}/api/messages'
    msaAppId: botAppId
    msaAppType: botType
    msaAppTenantId: botType == 'UserAssignedMSI' ? identity.properties.tenantId : aadAppTenantId
    msaAppMSIResourceId: botType == 'UserAssignedMSI' ? identity.id : null
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

// ---------------------------------------------------------------- outputs (written to env/.env.<env> by the toolkit)

output BOT_ID string = botAppId
output BOT_TYPE string = botType
output APP_DOMAIN string = appDomain
output PUBLIC_URL string = publicUrl
output SSO_RESOURCE string = 'api://${appDomain}/${aadAppClientId}'
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_NAME string = identity.name
output POSTGRES_HOST string = postgres.properties.fullyQualifiedDomainName
output KEY_VAULT_NAME string = keyVault.name
