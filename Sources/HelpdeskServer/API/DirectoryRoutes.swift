import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// Users, groups and the category tree (``DirectoryService``): staff read, admins write.
struct DirectoryRoutes {
    let directory: DirectoryService
    let privacy: PrivacyService

    struct AwayBody: Decodable {
        var away: Bool
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("users") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            let roles = try QueryParsing.list(parameters.get("role"), "role", Role.init(rawValue:))
            guard roles.count <= 1 else { throw APIError.invalidParameter("role") }
            let groupId = try QueryParsing.id(parameters.get("group"), "group")
            return Items(items: try await directory.users(role: roles.first, groupId: groupId, for: user))
        }
        group.post("users") { request, context in
            let admin = try context.requireUser()
            let command = try await request.decodeJSON(UserCommand.self, context: context)
            return EditedResponse(status: .created, response: try await directory.createUser(command, by: admin))
        }
        group.get("users/:id") { _, context in
            let viewer = try context.requireUser()
            return try await directory.user(try context.parameters.id(resource: "user"), for: viewer)
        }
        group.get("users/:id/export") { _, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "user")
            let export = try await privacy.export(userId: id, by: admin)
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"user-\(id)-export.json\""
            headers[.cacheControl] = "no-store"
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: try APICoding.encoder.encode(export))))
        }
        group.put("users/:id") { request, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "user")
            let command = try await request.decodeJSON(UserCommand.self, context: context)
            return try await directory.updateUser(id, command, by: admin)
        }
        group.put("me/away") { request, context in
            let user = try context.requireUser()
            let body = try await request.decodeJSON(AwayBody.self, context: context)
            return AuthRoutes.MeResponse(user: try await directory.setAway(body.away, for: user))
        }
        group.get("groups") { _, context in
            Items(items: try await directory.groups(for: try context.requireUser()))
        }
        group.post("groups") { request, context in
            let admin = try context.requireUser()
            let command = try await request.decodeJSON(GroupCommand.self, context: context)
            return EditedResponse(status: .created, response: try await directory.saveGroup(0, command, by: admin))
        }
        group.put("groups/:id") { request, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "group")
            let command = try await request.decodeJSON(GroupCommand.self, context: context)
            return try await directory.saveGroup(id, command, by: admin)
        }
        group.get("categories") { _, context in
            _ = try context.requireUser()
            return Items(items: try await directory.categories())
        }
        group.post("categories") { request, context in
            let admin = try context.requireUser()
            let command = try await request.decodeJSON(CategoryNodeCommand.self, context: context)
            return EditedResponse(status: .created, response: try await directory.saveCategory(0, command, by: admin))
        }
        group.put("categories/:id") { request, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "category")
            let command = try await request.decodeJSON(CategoryNodeCommand.self, context: context)
            return try await directory.saveCategory(id, command, by: admin)
        }
    }
}

extension User: ResponseEncodable {}
extension SupportGroup: ResponseEncodable {}
extension TicketCategory: ResponseEncodable {}
