package dev.spaauth.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Says in the document which members of a record's JSON are always there and which may be null,
 * from the record's JSpecify {@link Nullable} marks: swagger-core reads no such marks, so without this
 * every member would be optional and never null, and generated client types would not match what
 * the server sends. Only records in {@link NullMarked} code (spa-auth's packages, and an
 * application's that use JSpecify) are changed: elsewhere a member without a mark says nothing.
 * <ul>
 * <li>A component without {@code @Nullable} is required.</li>
 * <li>A {@code @Nullable} one is optional in a request body (the server answers a missing field as
 * it answers a null one) and in a record serialized with {@code @JsonInclude(NON_NULL)}; in other
 * answers it is required and may be null, as Jackson writes it.</li>
 * </ul>
 * Records are noted by name while springdoc resolves them ({@link ModelConverter}), and completed
 * once the document is built ({@link #complete(OpenAPI)}); member names are the component names
 * (spa-auth renames none).
 */
public final class RecordSchemas implements ModelConverter {

	private static final String REF_PREFIX = "#/components/schemas/";

	private final Map<String, Class<?>> records = new ConcurrentHashMap<>();

	/**
	 * Notes the record behind a resolved schema, if any.
	 * @param type the type being resolved
	 * @param context the resolution
	 * @param chain the next converters
	 * @return what the next converter answers
	 */
	@Override
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		if (schema != null && type.getType() != null) {
			Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
			String name = (schema.get$ref() != null) ? schema.get$ref().substring(REF_PREFIX.length()) : schema.getName();
			if (raw.isRecord() && name != null && nullMarked(raw)) {
				this.records.put(name, raw);
			}
		}
		return schema;
	}

	/**
	 * Marks the required and the nullable members of every record schema in the document whose record
	 * is in {@link NullMarked} code.
	 * @param openApi the built document
	 */
	public void complete(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Set<String> requestBodies = requestBodies(openApi);
		openApi.getComponents().getSchemas().forEach((name, schema) -> {
			Class<?> record = this.records.get(name);
			if (record != null && schema.getProperties() != null) {
				complete(schema, record, requestBodies.contains(name));
			}
		});
	}

	private static void complete(Schema<?> schema, Class<?> record, boolean requestBody) {
		JsonInclude include = record.getAnnotation(JsonInclude.class);
		boolean nullsOmitted = include != null && include.value() == JsonInclude.Include.NON_NULL;
		List<String> required = new ArrayList<>();
		for (RecordComponent component : record.getRecordComponents()) {
			Schema<?> property = schema.getProperties().get(component.getName());
			if (property == null) {
				continue;
			}
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			if (!nullable) {
				required.add(component.getName());
			}
			else if (!requestBody && !nullsOmitted) {
				required.add(component.getName());
				schema.getProperties().put(component.getName(), orNull(property));
			}
		}
		schema.setRequired(required.isEmpty() ? null : required.stream().sorted().toList());
	}

	private static boolean nullMarked(Class<?> type) {
		for (Class<?> each = type; each != null; each = each.getEnclosingClass()) {
			if (each.isAnnotationPresent(NullMarked.class)) {
				return true;
			}
		}
		return type.getPackage() != null && type.getPackage().isAnnotationPresent(NullMarked.class);
	}

	private static Schema<?> orNull(Schema<?> property) {
		Schema<?> nullType = new Schema<>();
		nullType.type("null").types(Set.of("null"));
		if (property.get$ref() != null) {
			return new Schema<>().oneOf(List.of(property, nullType));
		}
		Set<String> types = new HashSet<>((property.getTypes() != null) ? property.getTypes() : Set.of());
		types.add("null");
		property.setTypes(new java.util.TreeSet<>(types));
		return property;
	}

	private static Set<String> requestBodies(OpenAPI openApi) {
		Set<String> names = new HashSet<>();
		if (openApi.getPaths() != null) {
			openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
				if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
					operation.getRequestBody().getContent().values().forEach((media) -> {
						if (media.getSchema() != null && media.getSchema().get$ref() != null) {
							names.add(media.getSchema().get$ref().substring(REF_PREFIX.length()));
						}
					});
				}
			}));
		}
		return names;
	}

}
