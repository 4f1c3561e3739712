import { checkPacketFile, type PacketCheckMessage, type PacketCheckRequest } from './packetCheck';

/** A packet file checked off the page's thread: the page stays responsive while 20 MB are verified. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PacketCheckRequest>) => void) | null;
  postMessage: (message: PacketCheckMessage) => void;
};

scope.onmessage = ({ data }) => {
  void checkPacketFile(data, (message) => scope.postMessage(message));
};
