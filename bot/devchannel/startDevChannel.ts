import express from "express";
import { listen } from "../../server/listen";
import { DevConnector, type DevConnectorOptions } from "./connector";
import { DevChannelDriver } from "./driver";

/** A running dev channel: its connector (with the transcript), a driver and how to stop it. */
export type DevChannel = {
  /** Base URL with a trailing slash: the serviceUrl the bot replies to. */
  serviceUrl: string;
  connector: DevConnector;
  driver: DevChannelDriver;
  stop(): Promise<void>;
};

export type DevChannelOptions = DevConnectorOptions & {
  /** The bot's /api/messages URL. */
  botEndpoint: string;
  /** 0 picks a free port. */
  port?: number;
};

/** Starts the local Bot Connector on loopback and a driver pointed at the bot. */
export async function startDevChannel(options: DevChannelOptions): Promise<DevChannel> {
  const connector = new DevConnector(options);
  const app = express();
  app.use(connector.routes());
  const http = await listen(app, options.port ?? 0, "127.0.0.1");
  const serviceUrl = `${http.url}/`;
  return {
    serviceUrl,
    connector,
    driver: new DevChannelDriver({ botEndpoint: options.botEndpoint, serviceUrl, connector }),
    stop: () => http.close(1_000),
  };
}
