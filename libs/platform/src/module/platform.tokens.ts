export const CONFIG = Symbol('Config');
export const LOGGER = Symbol('Logger');
export const KAFKA = Symbol('Kafka');
export const PRODUCER = Symbol('KafkaProducer');
export const SERVICE_NAME = Symbol('ServiceName');
