export * from "./access";
export * from "./audit";
export * from "./bookings";
export * from "./organisations";
export * from "./resources";
export * from "./users";
